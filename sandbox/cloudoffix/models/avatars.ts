import { crc32, deflateSync } from 'node:zlib';

/**
 * Contact pictures. Odoo gives every partner a default image (a coloured silhouette) at create time and keeps it
 * in three sizes, so a client that reads every field carries kilobytes per contact. Real PNGs, drawn once per
 * colour and size and shared by every record.
 */

export interface Avatar {
	image: string;
	image_medium: string;
	image_small: string;
}

const COLOURS: readonly (readonly [number, number, number])[] = [
	[0x87, 0x5a, 0x7b],
	[0x1f, 0x8a, 0x70],
	[0xd4, 0x8a, 0x1e],
	[0x3a, 0x6e, 0xa5],
	[0xb8, 0x3b, 0x5e],
	[0x5b, 0x8c, 0x2a],
];

const cache = new Map<string, Avatar>();

/** The default picture for a name: a person, or a building for a company. */
export function defaultAvatar(name: string, isCompany: boolean): Avatar {
	let hash = 0;
	for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
	const colour = hash % COLOURS.length;
	const key = `${colour}:${isCompany}`;
	let avatar = cache.get(key);
	if (!avatar) {
		const draw = (size: number) => png(size, COLOURS[colour], isCompany ? building : person).toString('base64');
		avatar = { image: draw(256), image_medium: draw(128), image_small: draw(64) };
		cache.set(key, avatar);
	}
	return avatar;
}

type Shape = (x: number, y: number) => boolean;

/** Coordinates are fractions of the picture's side. */
const person: Shape = (x, y) => (x - 0.5) ** 2 + (y - 0.38) ** 2 < 0.03 || ((x - 0.5) ** 2 / 0.09 + (y - 0.95) ** 2 / 0.12 < 1 && y > 0.62);

const building: Shape = (x, y) => {
	const inBody = x > 0.25 && x < 0.75 && y > 0.2 && y < 0.85;
	const inWindow = (Math.floor(x * 16) % 3 === 1 && Math.floor(y * 16) % 3 === 1) || (x > 0.45 && x < 0.55 && y > 0.7);
	return inBody && !inWindow;
};

function png(size: number, [red, green, blue]: readonly [number, number, number], shape: Shape): Buffer {
	const row = size * 3 + 1;
	const pixels = Buffer.alloc(row * size);
	for (let y = 0; y < size; y++) {
		pixels[y * row] = 0;
		// A vertical gradient, with a little texture, keeps the picture from compressing to nothing.
		const shade = 0.75 + (0.25 * y) / size;
		for (let x = 0; x < size; x++) {
			const offset = y * row + 1 + x * 3;
			const grain = ((x * 7 + y * 13) % 11) - 5;
			const ink = shape(x / size, y / size);
			pixels[offset] = ink ? 245 : clamp(red * shade + grain);
			pixels[offset + 1] = ink ? 245 : clamp(green * shade + grain);
			pixels[offset + 2] = ink ? 245 : clamp(blue * shade + grain);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const checksum = Buffer.alloc(4);
	checksum.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, checksum]);
}

function clamp(value: number): number {
	return Math.max(0, Math.min(255, Math.round(value)));
}
