'use strict';

const { version: platformVersion } = require('zapier-platform-core');
const { version } = require('./package.json');
const authentication = require('./authentication');
const { addApiKey, problemErrors } = require('./lib/http');
const leadArrived = require('./creates/leadArrived');
const analyseProject = require('./creates/analyseProject');
const updateProject = require('./creates/updateProject');
const auditRepository = require('./creates/auditRepository');
const { runFinished, runFailed } = require('./triggers/runEvents');
const newRun = require('./triggers/newRun');
const findRun = require('./searches/findRun');

const byKey = (...definitions) => Object.fromEntries(definitions.map((d) => [d.key, d]));

module.exports = {
  version,
  platformVersion,
  authentication,
  beforeRequest: [addApiKey],
  afterResponse: [problemErrors],
  creates: byKey(leadArrived, analyseProject, updateProject, auditRepository),
  triggers: byKey(runFinished, runFailed, newRun),
  searches: byKey(findRun),
};
