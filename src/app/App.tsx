/**
 * The page: the 3D scene filling the window, the top bar (scenario, view), the side panel (figures, charts,
 * system), the timeline, and messages. State lives in the controller's store (state/); see ARCHITECTURE.md.
 */
import { useState } from 'react';
import { useAppState } from './state/context.tsx';
import { SceneCanvas } from './scene/SceneCanvas.tsx';
import { Inspector } from './ui/Inspector.tsx';
import { LabelLayer } from './ui/LabelLayer.tsx';
import { ObjectLabels } from './ui/ObjectLabels.tsx';
import { Messages } from './ui/Messages.tsx';
import { SidePanel } from './ui/Panels.tsx';
import { ScenarioEditor } from './ui/ScenarioEditor.tsx';
import { Timeline, useKeyboard } from './ui/Timeline.tsx';
import { TopBar } from './ui/TopBar.tsx';
import { TourPanel } from './tour/TourPanel.tsx';
import './app.css';

export function App() {
  useKeyboard();
  const [editing, setEditing] = useState(false);
  const worldSeq = useAppState((state) => state.world?.worldSeq ?? 0);
  return (
    <div className="essaim">
      <div className="scene-layer">
        <SceneCanvas />
      </div>
      <LabelLayer />
      <ObjectLabels />
      <TopBar onEdit={() => setEditing((open) => !open)} />
      {editing ? <ScenarioEditor key={worldSeq} onClose={() => setEditing(false)} /> : null}
      <SidePanel />
      <Inspector />
      <Timeline />
      <TourPanel />
      <Messages />
    </div>
  );
}
