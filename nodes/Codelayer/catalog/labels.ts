/**
 * How the editor names Codelayer's wire fields. One wire name means one thing on every endpoint, so each
 * gets one label here; a name not listed is shown in Title Case.
 */
const LABELS: Record<string, string> = {
	appID: 'App ID',
	cashinhand: 'Cash in Hand',
	cashreceived: 'Cash Received',
	cashreturn: 'Cash Returned',
	cashsales: 'Cash Sales',
	clientID: 'Client ID',
	closingkm: 'Closing Km',
	creditsales: 'Credit Sales',
	custcode: 'Customer Code',
	custname: 'Customer Name',
	datetime: 'Date and Time',
	deviceName: 'Device Name',
	deviceid: 'Device ID',
	drv_accode: 'Driver Account Code',
	emptyboxes: 'Empty Boxes',
	entryId: 'Entry ID',
	expdate: 'Expiry Date',
	expensedetails: 'Expense Details',
	fcmToken: 'Push Token',
	fuelfillingamount: 'Fuel Filling Amount',
	fuelfillingkm: 'Fuel Filling Km',
	fuelfillingqty: 'Fuel Filling Quantity',
	fuelslipissued: 'Fuel Slip Issued',
	gp_fyear: 'Gatepass and Financial Year',
	gpayrecvdascash: 'GPay Received as Cash',
	gpayrecvdonpercacc: 'GPay Received on Personal Account',
	gpno_fyear: 'Gatepass and Financial Year',
	gstin: 'GSTIN',
	imei: 'IMEI',
	itemcode: 'Item Code',
	mobileNumber: 'Mobile Number',
	paymentmode: 'Payment Mode',
	periodfrom: 'Period From',
	periodto: 'Period To',
	placeid: 'Place ID',
	prevcashrecvd: 'Previous Cash Received',
	prevfuelfillingkm: 'Previous Fuel Filling Km',
	qty: 'Quantity',
	reqdate: 'Request Date',
	reqperiodstring: 'Requested Period',
	roff: 'Round-Off',
	saddress: 'Shop Address',
	salemode: 'Sale Mode',
	seenStatus: 'Seen Status',
	slm_accode: 'Salesman Account Code',
	sortorder: 'Sort Order',
	specialdisc: 'Special Discount',
	specialdiscount: 'Special Discount',
	sphone: 'Shop Phone',
	spincode: 'PIN Code',
	startingkm: 'Starting Km',
	taxperc: 'Tax Percentage',
	totalsales: 'Total Sales',
	transidgpayrecvd: 'GPay Transaction IDs',
	uid: 'Unique ID',
	upisales: 'UPI Sales',
};

/** N_500 and C_20 count the notes and coins of the day's cash. */
const CASH_COUNT = /^([NC])_(\d+)$/;

/** The editor's name for a wire field. */
export function fieldLabel(name: string): string {
	if (Object.hasOwn(LABELS, name)) return LABELS[name];
	const cash = CASH_COUNT.exec(name);
	if (cash) return `${cash[1] === 'N' ? 'Notes' : 'Coins'} of ${cash[2]}`;
	return name
		.replace(/_/g, ' ')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/\b\w/g, (letter) => letter.toUpperCase());
}
