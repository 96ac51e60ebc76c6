/** What common.version() and /web/webclient/version_info report: CloudOffix runs Odoo 11.0. */
export const VERSION_INFO = {
	server_version: '11.0',
	server_version_info: [11, 0, 0, 'final', 0, ''],
	server_serie: '11.0',
	protocol_version: 1,
} as const;
