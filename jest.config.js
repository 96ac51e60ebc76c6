/** Tests run the TypeScript sources through ts-jest (transpile only: `npm run typecheck` checks types). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	globalSetup: '<rootDir>/test/setup/global-setup.ts',
	globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
	setupFilesAfterEnv: ['<rootDir>/test/setup/n8n-logs.ts', '<rootDir>/test/setup/secrets.ts'],
	testTimeout: 30000,
	maxWorkers: 2,
};
