'use strict';

const fs = require('fs');

// Stops the bridge globalSetup started: SIGTERM (a graceful stop), SIGKILL when it is not gone in 20 s; then removes
// its temporary folder (database and log), unless KEEP_BRIDGE_LOG is set.
module.exports = async () => {
  const bridge = globalThis.__BRIDGE__;
  if (!bridge) {
    return;
  }
  const { child, info } = bridge;
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    await gone;
    clearTimeout(timer);
  }
  if (process.env.KEEP_BRIDGE_LOG) {
    console.log(`bridge log kept: ${info.log}`);
  } else {
    fs.rmSync(info.work, { recursive: true, force: true });
  }
};
