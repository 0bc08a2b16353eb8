/** Voicemail scripts per stage: list, edit with live checks, save as a new version. */
export function ScriptsScreen() {
  return (
    <div className="scripts-screen">
      <h1 className="screen-title">Voicemail scripts</h1>
    </div>
  );
}
