/** Placeholder page until the 3D scene lands. */
export function App() {
  return (
    <main>
      <h1>Essaim</h1>
      <p>A Dyson swarm simulator. The 3D scene is coming.</p>
    </main>
  );
}
