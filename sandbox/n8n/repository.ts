import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's root: the nearest folder above this file with a package.json (true here and in a bundle under .build/). */
export const REPOSITORY = ((): string => {
	let folder = __dirname;
	while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
	return folder;
})();
