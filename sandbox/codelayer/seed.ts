/**
 * The sandbox's day on the road, seeded from Codelayer's own samples wherever its pages give one: the user TEST on
 * device 352099001761481, route ALAMCHEARY with gatepass 4_19, salesman SANDHYA, driver BIBIN DAS, the customers
 * 447 AROMAL FOODS -KOLLAM and 359 (the sample code of sales and returns), the products 1 CHAPATHI (250 loaded),
 * 12 (rate 12, tax 18 %) and 185 CHAPATHI COOKED -MRP-8, the notification "Hello Anandhu S", the licence of the
 * sample app QM_V3 for client CTPL. The rest is made up in the same style.
 */

export interface CodelayerUser {
	username: string;
	password: string;
	imei: string;
}

/** The documentation's sample user and device. */
export const SAMPLE_USERS: readonly CodelayerUser[] = [{ username: 'TEST', password: 'password', imei: '352099001761481' }];

export interface RouteSeed {
	gpNumber: number;
	fyear: string;
	rid: number;
	vehicle: string;
	salesman: string;
	driver: string;
	/** Account codes of the salesman and the driver (Add Customer's sample sends drv_accode 1, slm_accode 2). */
	slmAcCode: number;
	drvAcCode: number;
	shoptoappdistance: string;
	companyName: string;
	upiId: string;
}

export const ROUTE: RouteSeed = {
	gpNumber: 4,
	fyear: '19',
	rid: 1,
	vehicle: 'KL24R 119',
	salesman: 'SANDHYA',
	driver: 'BIBIN DAS',
	slmAcCode: 2,
	drvAcCode: 1,
	shoptoappdistance: '100',
	companyName: 'Codelayer Technologies Pvt. Ltd.',
	upiId: 'alamcheary.sales@okaxis',
};

export interface RouteMaster {
	rid: number;
	rname: string;
}

export const ROUTES: readonly RouteMaster[] = [
	{ rid: 1, rname: 'ALAMCHEARY' },
	{ rid: 2, rname: 'KOLLAM TOWN' },
	{ rid: 3, rname: 'TRIVANDRUM CITY-1' },
];

export interface Place {
	placeid: number;
	place: string;
	rid: number;
}

export const PLACES: readonly Place[] = [
	{ placeid: 101, place: 'ALAMCHEARY', rid: 1 },
	{ placeid: 102, place: 'Anchal', rid: 1 },
	{ placeid: 103, place: 'Kadakkal', rid: 1 },
	{ placeid: 104, place: 'Ayoor', rid: 1 },
	{ placeid: 201, place: 'KOLLAM BEACH', rid: 2 },
	{ placeid: 626, place: 'CHALAKUZHI TVM I', rid: 3 },
];

/** Salesmen are accounts too: their codes are what Stock Transfer takes as custcode. */
export interface Salesman {
	custcode: number;
	salesman: string;
	rid: number;
}

export const SALESMEN: readonly Salesman[] = [
	{ custcode: 2, salesman: 'SANDHYA', rid: 1 },
	{ custcode: 15, salesman: 'RAJEEV R', rid: 2 },
	{ custcode: 27, salesman: 'MANOJ KUMAR', rid: 3 },
];

export interface CustomerSeed {
	custcode: number;
	custname: string;
	placeid: number;
	rid: number;
	creditallowed: '0' | '1';
	discounts: ReadonlyArray<{ itemcode: number; discount: number }>;
	/** What the customer owes at the start of the day. */
	opbal: number;
	latitude: string;
	longitude: string;
	placeorder: number;
	sphone: string;
	saddress: string;
	followuppriority: string;
	/** The date of the customer's last transaction before today. */
	ldate: string;
}

export const CUSTOMERS: readonly CustomerSeed[] = [
	{
		custcode: 447,
		custname: 'AROMAL FOODS -KOLLAM',
		placeid: 102,
		rid: 1,
		creditallowed: '0',
		discounts: [{ itemcode: 602, discount: 3 }],
		opbal: 0,
		latitude: '8.50472669182539',
		longitude: '76.97219809387414',
		placeorder: 1,
		sphone: '9447012345',
		saddress: 'MAIN ROAD, ANCHAL',
		followuppriority: '3',
		ldate: '2019-06-28',
	},
	{
		custcode: 359,
		custname: 'ABC',
		placeid: 101,
		rid: 1,
		creditallowed: '1',
		discounts: [],
		opbal: 1250,
		latitude: '8.8932115',
		longitude: '76.9143322',
		placeorder: 2,
		sphone: '9495123456',
		saddress: 'NEAR BUS STAND, ALAMCHEARY',
		followuppriority: '1',
		ldate: '2019-06-29',
	},
	{
		custcode: 512,
		custname: 'AMAL -DAILY BAKERY SALES SNACKES',
		placeid: 103,
		rid: 1,
		creditallowed: '1',
		discounts: [{ itemcode: 185, discount: 0.5 }],
		opbal: 2000,
		latitude: '8.8364521',
		longitude: '76.9312450',
		placeorder: 3,
		sphone: '9846098460',
		saddress: 'JUNCTION, KADAKKAL',
		followuppriority: '1',
		ldate: '2019-06-27',
	},
	{
		custcode: 623,
		custname: 'ANANDHU',
		placeid: 104,
		rid: 1,
		creditallowed: '0',
		discounts: [],
		opbal: 0,
		latitude: '8.9087760',
		longitude: '76.8700112',
		placeorder: 4,
		sphone: '8547085470',
		saddress: 'AYOOR MARKET',
		followuppriority: '3',
		ldate: '2019-06-25',
	},
	{
		custcode: 731,
		custname: 'SREE DURGA STORES',
		placeid: 101,
		rid: 1,
		creditallowed: '1',
		discounts: [],
		opbal: 540.5,
		latitude: '8.8941002',
		longitude: '76.9160044',
		placeorder: 5,
		sphone: '9388093880',
		saddress: 'TEMPLE ROAD, ALAMCHEARY',
		followuppriority: '2',
		ldate: '2019-06-29',
	},
	{
		custcode: 815,
		custname: 'KOLLAM BEACH BAKERY',
		placeid: 201,
		rid: 2,
		creditallowed: '1',
		discounts: [],
		opbal: 310,
		latitude: '8.8773001',
		longitude: '76.5921003',
		placeorder: 1,
		sphone: '9567095670',
		saddress: 'BEACH ROAD, KOLLAM',
		followuppriority: '2',
		ldate: '2019-06-28',
	},
	{
		custcode: 23136,
		// Two spaces, as in Route Shops' sample.
		custname: 'OLIVA  CHALAKKUZHI',
		placeid: 626,
		rid: 3,
		creditallowed: '0',
		discounts: [],
		opbal: 0,
		latitude: '9.0173483333333330',
		longitude: '76.9638783333333300',
		placeorder: 1,
		sphone: '7902337656',
		saddress: 'CHALAKKUZHI, TRIVANDRUM',
		followuppriority: '3',
		ldate: '2019-06-20',
	},
];

export interface ProductSeed {
	itemcode: number;
	itemname: string;
	hsncode: string;
	taxpercentage: number;
	/** Quantity loaded at the start of the day (gatepass out); 0: in the product master only. */
	qty: number;
	rate: number;
	returnperc: string;
	validateReturnPercInRouteSales: string;
}

export const PRODUCTS: readonly ProductSeed[] = [
	{ itemcode: 1, itemname: 'CHAPATHI', hsncode: '19059020', taxpercentage: 5, qty: 250, rate: 10, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 12, itemname: 'MALABAR PAROTTA 5 PCS', hsncode: '19059090', taxpercentage: 18, qty: 200, rate: 12, returnperc: '10.00', validateReturnPercInRouteSales: 'F' },
	{ itemcode: 185, itemname: 'CHAPATHI COOKED -MRP-8', hsncode: '10001000', taxpercentage: 0, qty: 50, rate: 8, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 210, itemname: 'IDIYAPPAM 10 PCS', hsncode: '19023010', taxpercentage: 5, qty: 40, rate: 45, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 315, itemname: 'APPAM BATTER 1KG', hsncode: '21069099', taxpercentage: 0, qty: 25, rate: 60, returnperc: '5.00', validateReturnPercInRouteSales: 'F' },
	{ itemcode: 420, itemname: 'DOSA BATTER 1KG', hsncode: '21069099', taxpercentage: 0, qty: 25, rate: 55, returnperc: '5.00', validateReturnPercInRouteSales: 'F' },
	{ itemcode: 525, itemname: 'RAGI PUTTU PODI 500G', hsncode: '11029090', taxpercentage: 5, qty: 20, rate: 48, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 602, itemname: 'WHEAT PUTTU PODI 1KG', hsncode: '11010000', taxpercentage: 5, qty: 30, rate: 68, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 630, itemname: 'RICE PATHIRI 10 PCS', hsncode: '19059090', taxpercentage: 12, qty: 30, rate: 50, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 745, itemname: 'BANANA CHIPS 200G', hsncode: '20089999', taxpercentage: 12, qty: 60, rate: 70, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 850, itemname: 'WHEAT BREAD 400G', hsncode: '19059010', taxpercentage: 0, qty: 0, rate: 40, returnperc: '', validateReturnPercInRouteSales: '' },
	{ itemcode: 960, itemname: 'RUSK 200G', hsncode: '19054000', taxpercentage: 5, qty: 0, rate: 35, returnperc: '', validateReturnPercInRouteSales: '' },
];

export interface NotificationSeed {
	deviceid: string;
	messageText: string;
	entryDate: string;
	sentDate: string;
	responseId: string;
}

/** The device id of Notification Details' sample. */
export const SAMPLE_DEVICE_ID = 'GB_routes_C35EAF1416256520A00BCDB138F48EFC08AE7B18';

export const NOTIFICATIONS: readonly NotificationSeed[] = [
	{ deviceid: SAMPLE_DEVICE_ID, messageText: 'Hello Anandhu S', entryDate: '2025-09-09 14:31:00.000', sentDate: '2025-09-09 14:34:00.000', responseId: '0:1757408752657388%4aa909f84aa909f8' },
	{ deviceid: SAMPLE_DEVICE_ID, messageText: 'Collect the cheque from ABC today', entryDate: '2025-09-10 07:45:00.000', sentDate: '2025-09-10 07:46:00.000', responseId: '0:1757490360112731%4aa909f84aa909f8' },
	{ deviceid: SAMPLE_DEVICE_ID, messageText: 'New rate for MALABAR PAROTTA 5 PCS from Monday', entryDate: '2025-09-11 08:00:00.000', sentDate: '2025-09-11 08:02:00.000', responseId: '0:1757577720338154%4aa909f84aa909f8' },
];

/** The licence server's client and app: the documentation's samples, with the product of its licence sample. */
export const LICENCE = {
	appID: 'QM_V3',
	clientID: 'CTPL',
	productName: 'Quarry Manager - Version III',
	clientName: 'Codelayer Technologies Pvt. Ltd.',
	clientLocation: 'Trivandrum',
	validTill: 'Unlimited',
	/** Licence answers list these; system/auth answers `features: "2,3"`, the ones the user may use. */
	features: [
		{ id: '1', feature_name: 'Bill Cancellation', description: 'Allows to cancel existing bill.', urls: [{ name: 'Cancel Bill' }] },
		{ id: '2', feature_name: 'Stock Transfer', description: 'Allows to move stock to another route.', urls: [{ name: 'Stock Transfer' }] },
		{ id: '3', feature_name: 'Shop Limit Override', description: 'Allows to ask for more shops than the limit.', urls: [{ name: 'Shop Limit Override Request' }] },
	],
} as const;

/** Devices the licence server has approved: the sample user's, and the one of the licence pages' samples. */
export const APPROVED_DEVICES: readonly string[] = ['352099001761481', '12345678901234'];
