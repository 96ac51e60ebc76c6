/**
 * The end-to-end suite (`npm run test:e2e`): the packed package installed into real n8n 2.41.1 as a community
 * package, driven through n8n's CLI, its REST API and its editor in Chromium. One file at a time: each starts
 * n8n processes of its own, and two at once would only compete for the machine's two cores.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	globalSetup: '<rootDir>/test/e2e/setup/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/setup/global-teardown.ts',
	testTimeout: 180000,
	maxWorkers: 1,
};
