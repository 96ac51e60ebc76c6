/** Tests run the TypeScript sources through ts-jest (transpile only: `npm run typecheck` checks types). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/setup/user-folder.ts'],
	testTimeout: 30000,
	maxWorkers: 2,
};
