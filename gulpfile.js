/**
 * `npm run build`: bundles every node and credential into dist/ (n8n loads each file on its own, and the
 * package may not have runtime dependencies, so zod and our shared code are bundled in; n8n-workflow is
 * provided by n8n), then copies icons and codex files beside them. Type-checking is `npm run typecheck`.
 */
const { dest, parallel, series, src } = require('gulp');
const { rm } = require('node:fs/promises');
const { globSync } = require('node:fs');
const esbuild = require('esbuild');

const ENTRY_POINTS = ['credentials/*.credentials.ts', 'nodes/**/*.node.ts'];

async function clean() {
	await rm('dist', { recursive: true, force: true });
}

async function bundle() {
	await esbuild.build({
		entryPoints: ENTRY_POINTS.flatMap((pattern) => globSync(pattern)),
		outdir: 'dist',
		outbase: '.',
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow'],
		logLevel: 'warning',
	});
}

function icons() {
	return src('icons/*.svg', { base: '.' }).pipe(dest('dist'));
}

function codex() {
	return src('nodes/**/*.node.json', { base: '.', allowEmpty: true }).pipe(dest('dist'));
}

exports.build = series(clean, parallel(bundle, icons, codex));
