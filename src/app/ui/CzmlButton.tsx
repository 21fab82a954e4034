/**
 * Download the loaded scenario as a CZML document for CesiumJS (sim/report/czml/): built in a worker of its own
 * (state/czmlExport.ts) over the scenario's whole timeline, then offered as a file.
 */
import { useState } from 'react';
import { useAppState } from '../state/context.tsx';
import { exportCzml } from '../state/czmlExport.ts';

/** Offer `text` as a download named `fileName`. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // the download has its own reference to the blob by now
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function CzmlButton() {
  const world = useAppState((state) => state.world);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <button
      type="button"
      data-testid="export-czml"
      disabled={world === null || busy}
      title={error ?? 'Download this scenario as CZML, to open in CesiumJS (Sandcastle or a local viewer)'}
      onClick={() => {
        if (world === null) return;
        setBusy(true);
        setError(null);
        exportCzml(world)
          .then((document) => download(document.fileName, document.text))
          .catch((failure: unknown) => setError(`CZML export failed: ${String(failure)}`))
          .finally(() => setBusy(false));
      }}
    >
      {busy ? 'CZML…' : 'CZML'}
    </button>
  );
}
