import { netAmount, RouteDay, sum, type ReturnedItem, type SaleDocument, type SaleLine } from './day';
import { DeviceRecords } from './device';
import { CUSTOMERS, PLACES, PRODUCTS, ROUTE, ROUTES, SALESMEN, type CustomerSeed, type Place, type ProductSeed, type RouteMaster, type Salesman } from './seed';
import { badRequest, numberOf, textOf, type Payload } from './wire';

/**
 * The server's data: the company's masters (routes, places, salesmen, customers, products), the route day
 * (day.ts), and what it keeps of the device (device.ts). Bodies come in
 * already checked against the catalog, in wire form (numbers as text); what the catalog cannot know (does this
 * customer exist, is there stock, is the day still open) is checked here, and refused as e 400.
 */

export interface Customer extends Omit<CustomerSeed, 'discounts'> {
	discounts: Array<{ itemcode: number; discount: number }>;
	gstin: string;
	state: string;
	spincode: string;
	/** The client's uid of an added customer. */
	uid?: string;
}

export type Product = ProductSeed;

export class CodelayerState {
	readonly routes: readonly RouteMaster[] = ROUTES.map((route) => ({ ...route }));

	readonly places: readonly Place[] = PLACES.map((place) => ({ ...place }));

	readonly salesmen: readonly Salesman[] = SALESMEN.map((salesman) => ({ ...salesman }));

	readonly customers: Customer[] = CUSTOMERS.map((seed) => ({ ...seed, discounts: seed.discounts.map((discount) => ({ ...discount })), gstin: '', state: 'KER', spincode: '' }));

	/** The product master; those with a quantity are loaded on the van for the day. */
	readonly products: readonly Product[];

	day = new RouteDay(ROUTE.gpNumber, ROUTE.fyear);

	readonly route = ROUTE;

	readonly device: DeviceRecords;

	/**
	 * `now` gives the server's time as 'YYYY-MM-DD HH:MM:SS'; `loadFactor` multiplies what the van is loaded with
	 * each day (long days in benchmarks).
	 */
	constructor(
		private readonly now: () => string,
		loadFactor = 1,
	) {
		this.device = new DeviceRecords(now);
		this.products = PRODUCTS.map((product) => ({ ...product, qty: product.qty * loadFactor }));
	}

	get routeName(): string {
		return this.routeNameOf(this.route.rid);
	}

	routeNameOf(rid: number): string {
		return this.routes.find((route) => route.rid === rid)?.rname ?? '';
	}

	placeOf(placeid: number): Place | undefined {
		return this.places.find((place) => place.placeid === placeid);
	}

	/** The customers of the day's route, in visit order. */
	routeCustomers(): Customer[] {
		return this.customers.filter((customer) => customer.rid === this.route.rid).sort((a, b) => a.placeorder - b.placeorder || a.custcode - b.custcode);
	}

	/** The products loaded on the van. */
	loadedProducts(): Product[] {
		return this.products.filter((product) => product.qty > 0);
	}

	product(itemcode: number): Product | undefined {
		return this.products.find((candidate) => candidate.itemcode === itemcode);
	}

	/** What the customer owes now: the opening balance, plus what today's sales left unpaid. */
	balance(customer: Customer): number {
		const unpaid = this.day.sales.filter((sale) => sale.custcode === customer.custcode).map((sale) => netAmount(sale) - sale.cashreceived);
		return Math.round((customer.opbal + sum(unpaid)) * 100) / 100;
	}

	/** The date of the customer's last transaction: its last sale today, or the one before today. */
	lastDate(customer: Customer): string {
		const last = this.day.sales.filter((sale) => sale.custcode === customer.custcode).at(-1);
		return last ? last.datetime.slice(0, 10) : customer.ldate;
	}

	addCustomer(body: Payload): Customer {
		const placeid = numberOf(body.placeid);
		if (placeid !== 0 && !this.placeOf(placeid)) throw badRequest(`placeid ${placeid} is no place of Get Places`);
		const onRoute = this.routeCustomers();
		const sortorder = numberOf(body.sortorder);
		const customer: Customer = {
			custcode: Math.max(...this.customers.map((candidate) => candidate.custcode)) + 1,
			custname: textOf(body.custname),
			placeid,
			rid: this.route.rid,
			creditallowed: '0',
			discounts: [],
			opbal: 0,
			latitude: textOf(body.latitude),
			longitude: textOf(body.longitude),
			placeorder: sortorder > 0 ? sortorder : Math.max(0, ...onRoute.map((candidate) => candidate.placeorder)) + 1,
			sphone: textOf(body.sphone),
			saddress: textOf(body.saddress),
			followuppriority: '',
			ldate: '',
			gstin: textOf(body.gstin),
			state: textOf(body.state),
			spincode: textOf(body.spincode),
			uid: textOf(body.uid),
		};
		this.customers.push(customer);
		this.day.addedShops.push({ drvAcCode: numberOf(body.drv_accode), slmAcCode: numberOf(body.slm_accode), rid: this.route.rid });
		return customer;
	}

	/** Whether a customer of that name is in the account master (any route), case and outer spaces aside. */
	customerNamed(name: string): Customer | undefined {
		const wanted = name.trim().toUpperCase();
		return this.customers.find((customer) => customer.custname.trim().toUpperCase() === wanted);
	}

	updateShop(body: Payload): void {
		const customer = this.routeCustomer(body.custcode, 'update a shop');
		if (body.saddress !== undefined && body.saddress !== '') customer.saddress = textOf(body.saddress);
		if (body.sphone !== undefined && body.sphone !== '') customer.sphone = textOf(body.sphone);
		if (body.latitude !== undefined && body.latitude !== '') customer.latitude = textOf(body.latitude);
		if (body.longitude !== undefined && body.longitude !== '') customer.longitude = textOf(body.longitude);
	}

	saveSale(body: Payload): SaleDocument {
		this.checkOpen('sale');
		this.checkGatepass(body.gp_fyear, 'gp_fyear');
		const customer = this.routeCustomer(body.custcode, 'save a sale');
		const sale = this.saleDocument(body, customer.custcode, 'sale');
		if (body.remarks !== undefined) sale.remarks = textOf(body.remarks);
		this.day.sales.push(sale);
		return sale;
	}

	saveTransfer(body: Payload): SaleDocument {
		this.checkOpen('transfer');
		this.checkGatepass(body.gp_fyear, 'gp_fyear');
		const code = numberOf(body.custcode);
		const salesman = this.salesmen.find((candidate) => candidate.custcode === code);
		if (!salesman) throw badRequest(`custcode ${code} is no salesman of Get Salesmen`);
		if (salesman.rid === this.route.rid) throw badRequest(`custcode ${code} is this route's own salesman`);
		const transfer = this.saleDocument(body, code, 'transfer');
		this.day.transfers.push(transfer);
		return transfer;
	}

	saveReturn(body: Payload): { slno: number; uid: string } {
		this.checkOpen('return');
		this.checkGatepass(body.gp_fyear, 'gp_fyear');
		const customer = this.routeCustomer(body.custcode, 'save a return');
		const rows = (body.items as Payload[] | undefined) ?? [];
		if (rows.length === 0) throw badRequest('items: a return needs at least one item');
		const items: ReturnedItem[] = rows.map((row, index) => {
			const itemcode = numberOf(row.itemcode);
			if (!this.product(itemcode)) throw badRequest(`items[${index + 1}].itemcode: ${itemcode} is no product of Get Returnable`);
			return { itemcode, qty: numberOf(row.qty), expdate: textOf(row.expdate) };
		});
		const uid = textOf(body.uid);
		const slno = this.day.nextSerial('return');
		this.day.returns.push({ slno, custcode: customer.custcode, items, datetime: textOf(body.datetime), uid });
		return { slno, uid };
	}

	/**
	 * What the back office does to a saved sale, which no API call does: cancels it (the bill is gone from the
	 * report) or changes it (the report shows the new values). The slno is the day's, as Route Save answered it.
	 */
	changeSale(slno: number, change: 'cancel' | Partial<Pick<SaleDocument, 'salemode' | 'paymentmode' | 'cashreceived' | 'specialdisc'>>): void {
		const index = this.day.sales.findIndex((sale) => sale.slno === slno);
		if (index < 0) throw new Error(`No sale ${slno} today (gatepass ${this.day.gpFyear})`);
		if (change === 'cancel') this.day.sales.splice(index, 1);
		else Object.assign(this.day.sales[index], change);
	}

	closeSales(body: Payload): void {
		this.checkOpen('sale');
		this.checkGatepass(body.gp_fyear, 'gp_fyear');
		this.day.salesClosed = true;
	}

	closeRoute(body: Payload): void {
		if (this.day.routeClosed) throw badRequest(`the route is already closed for gatepass ${this.day.gpFyear}`);
		this.checkGatepass(body.gpno_fyear, 'gpno_fyear');
		this.day.routeClosed = true;
	}

	/**
	 * The next day on the road: the next gatepass, the van loaded again with the same quantities, nothing saved
	 * yet. What customers owe carries over as their opening balance.
	 */
	startNewDay(): string {
		for (const customer of this.customers) {
			customer.opbal = this.balance(customer);
			customer.ldate = this.lastDate(customer);
		}
		this.day = new RouteDay(this.day.gpNumber + 1, this.day.fyear, this.day.addedShops);
		return this.day.gpFyear;
	}

	private routeCustomer(code: unknown, action: string): Customer {
		if (code === undefined || code === '') throw badRequest(`custcode: needed to ${action}`);
		const custcode = numberOf(code);
		const customer = this.customers.find((candidate) => candidate.custcode === custcode);
		if (!customer || customer.rid !== this.route.rid) throw badRequest(`custcode ${custcode} is no customer of route ${this.routeName}`);
		return customer;
	}

	private checkOpen(kind: 'sale' | 'transfer' | 'return'): void {
		if (this.day.routeClosed) throw badRequest(`the route is closed for gatepass ${this.day.gpFyear}: nothing more is saved until a new day starts`);
		if (kind !== 'return' && this.day.salesClosed) throw badRequest(`the sales of gatepass ${this.day.gpFyear} are closed`);
	}

	/** A gatepass other than the day's is refused; where the catalog lets it out, a missing one means the day's. */
	private checkGatepass(value: unknown, field: string): void {
		if (value === undefined || value === '') return;
		if (value !== this.day.gpFyear) throw badRequest(`${field}: ${JSON.stringify(value)} is not the day's gatepass ${this.day.gpFyear}`);
	}

	private saleDocument(body: Payload, custcode: number, kind: 'sale' | 'transfer'): SaleDocument {
		const rows = (body.sales as Payload[] | undefined) ?? [];
		if (rows.length === 0) throw badRequest(`sales: a ${kind} needs at least one line`);
		const lines: SaleLine[] = rows.map((row) => ({ itemcode: numberOf(row.itemcode), qty: numberOf(row.qty), rate: numberOf(row.rate), taxperc: numberOf(row.taxperc) }));
		lines.forEach((line, index) => {
			const product = this.product(line.itemcode);
			if (!product || product.qty === 0) throw badRequest(`sales[${index + 1}].itemcode: ${line.itemcode} is not loaded on the van`);
			const wanted = sum(lines.filter((other) => other.itemcode === line.itemcode).map((other) => other.qty));
			const left = product.qty - this.day.sold(line.itemcode);
			if (wanted > left) throw badRequest(`sales[${index + 1}].qty: ${wanted} of ${line.itemcode} asked, ${left} left on the van`);
		});
		return {
			slno: this.day.nextSerial(kind),
			custcode,
			salemode: textOf(body.salemode),
			paymentmode: textOf(body.paymentmode),
			cashreceived: numberOf(body.cashreceived),
			roff: numberOf(body.roff),
			specialdisc: numberOf(body.specialdisc),
			lines,
			datetime: textOf(body.datetime) || this.now(),
			latitude: textOf(body.latitude),
			longitude: textOf(body.longitude),
		};
	}
}
