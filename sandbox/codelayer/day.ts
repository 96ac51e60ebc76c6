/**
 * One day on the road: the gatepass it runs under (gp_fyear, "4_19": gatepass 4 of financial year 19), and what
 * the device saved during it. Everything here starts empty when a new day starts; the customers, the products'
 * master data and the notifications live on (state.ts).
 */

export interface SaleLine {
	itemcode: number;
	qty: number;
	rate: number;
	taxperc: number;
}

/** A sale (Route Save, Route Save With Remarks) or a stock transfer: the same fields. */
export interface SaleDocument {
	slno: number;
	/** The customer of a sale; the receiving salesman of a transfer. */
	custcode: number;
	salemode: string;
	paymentmode: string;
	cashreceived: number;
	roff: number;
	specialdisc: number;
	lines: SaleLine[];
	remarks?: string;
	datetime: string;
	latitude: string;
	longitude: string;
}

export interface ReturnedItem {
	itemcode: number;
	qty: number;
	/** YYYY-MM-DD, as the device sends it. */
	expdate: string;
}

export interface ReturnDocument {
	slno: number;
	custcode: number;
	items: ReturnedItem[];
	datetime: string;
	uid: string;
}

/** A shop added during the day, by whom, for Route Details' shop counters. */
export interface AddedShop {
	drvAcCode: number;
	slmAcCode: number;
	rid: number;
}

export type DocumentKind = 'sale' | 'transfer' | 'return';

export class RouteDay {
	readonly sales: SaleDocument[] = [];

	readonly transfers: SaleDocument[] = [];

	readonly returns: ReturnDocument[] = [];

	readonly addedShops: AddedShop[] = [];

	/** Sales Closing done: no more sales or transfers today. */
	salesClosed = false;

	/** Route Closing done: nothing more is saved today. */
	routeClosed = false;

	private readonly serials: Record<DocumentKind, number> = { sale: 0, transfer: 0, return: 0 };

	constructor(
		readonly gpNumber: number,
		readonly fyear: string,
		/** The shops added the day before, for the *Prev counters. */
		readonly addedShopsBefore: readonly AddedShop[] = [],
	) {}

	get gpFyear(): string {
		return `${this.gpNumber}_${this.fyear}`;
	}

	/** Each kind of document has its own running serial number, from 1 each day (the gatepass's own numbering). */
	nextSerial(kind: DocumentKind): number {
		return ++this.serials[kind];
	}

	/** Quantity of an item that left the van today: sold, or transferred to another route. */
	sold(itemcode: number): number {
		return sum([...this.sales, ...this.transfers].flatMap((document) => document.lines.filter((line) => line.itemcode === itemcode).map((line) => line.qty)));
	}

	/** Quantity of an item customers gave back today. */
	returned(itemcode: number): number {
		return sum(this.returns.flatMap((document) => document.items.filter((item) => item.itemcode === itemcode).map((item) => item.qty)));
	}
}

/** A sale's net amount: its lines with their tax, less the special discount, plus the round-off. */
export function netAmount(document: Pick<SaleDocument, 'lines' | 'specialdisc' | 'roff'>): number {
	return sum(document.lines.map((line) => (line.qty * line.rate * (100 + line.taxperc)) / 100)) - document.specialdisc + document.roff;
}

export function sum(values: readonly number[]): number {
	return values.reduce((total, value) => total + value, 0);
}
