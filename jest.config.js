// Tests are plain JavaScript against the compiled dist/ (npm test builds first): n8n's strict lint
// applies its Cloud rules to every .ts file, and tests need Node's APIs (http, fs, timers).
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/contract.js'],
	testTimeout: 60_000,
};
