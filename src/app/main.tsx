/** Browser entry point (index.html loads it): mounts the app into #root. */
import { mountApp } from './mount.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('src/app/main.tsx: the page has no #root element to mount into');

mountApp(container);
