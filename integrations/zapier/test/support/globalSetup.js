'use strict';

// Starts the packaged bridge with BRIDGE_SIMULATOR=true on a free loopback port, an H2 file database in a temporary
// folder, a fresh API key and signing secret, and private (loopback) callbacks allowed; waits for /health. The test
// files read where it is from the file named by BRIDGE_TEST_INFO.

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../../..');
const JAR = process.env.BRIDGE_JAR || path.join(ROOT, 'target/audity-bridge-0.1.0-SNAPSHOT.jar');
const STARTUP_DEADLINE_MS = 120000;
const H2_MODE = 'MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const healthy = async (baseUrl) => {
  try {
    const response = await fetch(`${baseUrl}/health`);
    return response.status === 200;
  } catch (e) {
    return false;
  }
};

module.exports = async () => {
  if (!fs.existsSync(JAR)) {
    throw new Error(`No bridge jar at ${JAR}: build it with ./mvnw -B -q package -DskipTests (or set BRIDGE_JAR).`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zapier-bridge-'));
  const port = await freePort();
  const info = {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: `zap-${crypto.randomBytes(12).toString('hex')}`,
    signingSecret: `whsec_${crypto.randomBytes(32).toString('base64')}`,
    simAdminToken: `sim-${crypto.randomBytes(8).toString('hex')}`,
    simToken: 'aky_DemoSimulatorToken0123456789abcd', // the simulator's demo account (application-sim.yml)
    work,
    log: path.join(work, 'bridge.log'),
  };
  const env = { ...process.env };
  for (const name of ['AUDITY_TOKEN', 'AUDITY_BASE_URL', 'REPO_AUDIT_BASE_URL', 'REPO_AUDIT_TOKEN', 'LOGGING_TOKEN']) {
    delete env[name];
  }
  Object.assign(env, {
    BRIDGE_SIMULATOR: 'true',
    PORT: String(port),
    DATASOURCES_DEFAULT_URL: `jdbc:h2:file:${work}/db;${H2_MODE}`,
    BRIDGE_API_KEYS: info.apiKey,
    BRIDGE_SIGNING_SECRET: info.signingSecret,
    BRIDGE_ALLOW_PRIVATE_CALLBACKS: 'true',
    SIM_ADMIN_TOKEN: info.simAdminToken,
  });
  const log = fs.openSync(info.log, 'w');
  const child = spawn('java', ['-Xmx512m', '-jar', JAR], { env, stdio: ['ignore', log, log] });
  info.pid = child.pid;
  // Whatever ends this process, the bridge goes with it.
  // child.kill sends nothing once the child has exited, so no other process can be hit by a reused pid.
  const stop = () => child.kill('SIGKILL');
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = `exit ${code === null ? signal : code}`;
  });
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  while (!(await healthy(info.baseUrl))) {
    if (exited || Date.now() > deadline) {
      stop();
      const tail = fs.readFileSync(info.log, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`The bridge did not start (${exited || 'no /health in time'}); its log ends:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const infoFile = path.join(work, 'bridge.json');
  fs.writeFileSync(infoFile, JSON.stringify(info));
  process.env.BRIDGE_TEST_INFO = infoFile;
  globalThis.__BRIDGE__ = { child, info };
};
