import { netAmount, type AddedShop } from './day';
import type { KeyStore } from './keys';
import type { LicenceRegistry } from './licence';
import type { CodelayerUser } from './seed';
import type { CodelayerState, Customer, Product } from './state';
import type { CodelayerStats } from './stats';
import { fixed, textOf, unauthorized, type Payload } from './wire';

/**
 * What each endpoint does and answers, by catalog path: the payload only (the server adds `e` and `msg`), every
 * value a string, rows under the catalog's listField with its response field names. Bodies come checked against
 * the catalog, in wire form.
 */

export interface EndpointContext {
	state: CodelayerState;
	licences: LicenceRegistry;
	keys: KeyStore;
	users: readonly CodelayerUser[];
	stats: CodelayerStats;
	/** The API server's base URL, which the licence answer carries. */
	apiUrl: string;
}

type Handler = (context: EndpointContext, body: Payload) => Payload;

const OK = { status: 'OK' };
const SAVED = 'Saved';

type Handlers = Readonly<Record<string, Handler>>;

const licenceServer: Handlers = {
	'system/license': ({ licences, apiUrl }, body) => licences.licences(body, apiUrl),
	'system/register_device': ({ licences }, body) => licences.register(body),
};

const device: Handlers = {
	'system/auth': ({ users, keys, stats }, body) => {
		const user = users.find((candidate) => candidate.username === body.username && candidate.password === body.password && candidate.imei === body.imei);
		if (!user) throw unauthorized('no user with this username, password and IMEI');
		stats.logins++;
		return { key: keys.issue(user.username), features: '2,3' };
	},
	'sales/device_location': ({ state }, body) => {
		state.device.reportLocation(body);
		return OK;
	},
	'sales/update_device_token': ({ state }, body) => {
		state.device.updateToken(body);
		return OK;
	},
};

const route: Handlers = {
	'sales/route_details': ({ state }) => ({ details: [routeDetails(state)] }),
	'sales/master_routes': ({ state }) => ({ details: state.routes.map((route) => ({ rid: String(route.rid), rname: route.rname })) }),
	'sales/master_place': ({ state }) => ({ details: state.places.map((place) => ({ placeid: String(place.placeid), place: place.place, rid: String(place.rid) })) }),
	'sales/route_path': ({ state }) => ({
		details: state.routeCustomers().map((customer) => ({
			placeorder: String(customer.placeorder),
			place: placeName(state, customer),
			custcode: String(customer.custcode),
			custname: customer.custname,
			latitude: customer.latitude,
			longitude: customer.longitude,
		})),
	}),
	'sales/route_salesmen': ({ state }) => ({
		details: state.salesmen.map((salesman) => ({ custcode: String(salesman.custcode), salesman: salesman.salesman, routename: state.routeNameOf(salesman.rid) })),
	}),
};

const customer: Handlers = {
	'sales/add_customer': ({ state }, body) => {
		const customer = state.addCustomer(body);
		return { status: SAVED, accode: String(customer.custcode), uid: textOf(body.uid) };
	},
	'sales/check_customer': ({ state }, body) => ({ status: state.customerNamed(textOf(body.custname)) ? 'Exists' : 'Not Exists' }),
	'sales/route_customers': ({ state }) => ({
		details: state.routeCustomers().map((customer) => ({
			custname: customer.custname,
			custcode: String(customer.custcode),
			place: placeName(state, customer),
			creditallowed: customer.creditallowed,
			discounts: customer.discounts.map((discount) => ({ itemcode: String(discount.itemcode), discount: fixed(discount.discount) })),
			balance: balanceText(state.balance(customer)),
			latitude: customer.latitude,
			longitude: customer.longitude,
			placeorder: String(customer.placeorder),
		})),
	}),
	'sales/route_customers_balance': ({ state }) => ({
		details: state
			.routeCustomers()
			.filter((customer) => customer.opbal !== 0 || state.balance(customer) !== 0)
			.map((customer) => {
				const balance = state.balance(customer);
				return {
					achead: customer.custname,
					laccode: String(customer.custcode),
					opbal: fixed(customer.opbal),
					bal: fixed(balance),
					netbal: fixed(balance),
					sphone: customer.sphone,
					absnetbal: fixed(Math.abs(balance)),
					followuppriority: customer.followuppriority,
					ldate: state.lastDate(customer),
					rname: state.routeNameOf(customer.rid),
				};
			}),
	}),
	'sales/route_shops': ({ state }) => ({
		customer_details: [...state.customers]
			.sort((a, b) => a.rid - b.rid || a.placeorder - b.placeorder || a.custcode - b.custcode)
			.map((customer) => ({
				customer: customer.custname,
				latitude: customer.latitude,
				longitude: customer.longitude,
				place: placeName(state, customer),
				rname: state.routeNameOf(customer.rid),
				custcode: String(customer.custcode),
				placeid: customer.placeid === 0 ? '' : String(customer.placeid),
				placeorder: String(customer.placeorder),
				rid: String(customer.rid),
				sphone: customer.sphone,
			})),
	}),
	'sales/shoplimitoverride_request': ({ state }, body) => {
		state.device.requestShopLimit(body);
		return { status: 'Success', statuscode: 'N' };
	},
	'sales/update_shop_details': ({ state }, body) => {
		state.updateShop(body);
		return OK;
	},
};

const product: Handlers = {
	'sales/route_products': ({ state }) => ({
		products: state.loadedProducts().map((product) => ({
			itemcode: String(product.itemcode),
			itemname: product.itemname,
			hsncode: product.hsncode,
			taxpercentage: fixed(product.taxpercentage),
			qty: fixed(product.qty),
			rate: fixed(product.rate),
			returnperc: product.returnperc,
			validateReturnPercInRouteSales: product.validateReturnPercInRouteSales,
		})),
	}),
	'sales/route_products_return': ({ state }) => ({
		products: state.products.map((product) => ({ itemcode: String(product.itemcode), itemname: product.itemname, hsncode: product.hsncode, taxpercentage: fixed(product.taxpercentage) })),
	}),
	'sales/route_productsummary': ({ state }) => ({
		details: state.products
			.filter((product) => product.qty > 0 || state.day.returned(product.itemcode) > 0)
			.map((product) => {
				const sold = state.day.sold(product.itemcode);
				return {
					itemcode: String(product.itemcode),
					itemname: product.itemname,
					qty: fixed(product.qty),
					sales: fixed(sold),
					retrn: fixed(state.day.returned(product.itemcode)),
					bal: fixed(product.qty - sold),
				};
			}),
	}),
};

const sale: Handlers = {
	'sales/route_save': ({ state }, body) => ({ status: SAVED, slno: String(state.saveSale(body).slno) }),
	'sales/route_save_remarks': ({ state }, body) => ({ status: SAVED, slno: String(state.saveSale(body).slno) }),
	'sales/route_report': ({ state }) => ({
		details: state.day.sales.map((sale) => ({
			custname: customerName(state, sale.custcode),
			salemode: sale.salemode,
			paymentmode: PAYMENT_MODES[sale.paymentmode] ?? sale.paymentmode,
			cashreceived: fixed(sale.cashreceived),
			netamount: fixed(netAmount(sale)),
			// One decimal, as the page's sample ("0.0"); the other amounts have two.
			specialdisc: fixed(sale.specialdisc, 1),
		})),
	}),
	'sales/route_salesdetails': ({ state }) => ({
		details: state.day.sales.flatMap((sale) =>
			sale.lines.map((line) => ({
				customer: customerName(state, sale.custcode),
				product: productOf(state, line.itemcode).itemname,
				qty: fixed(line.qty),
				srate: fixed(line.rate),
				gprate: fixed(productOf(state, line.itemcode).rate),
				itemcode: String(line.itemcode),
			})),
		),
	}),
};

const returns: Handlers = {
	'sales/route_return': ({ state }, body) => {
		const { slno, uid } = state.saveReturn(body);
		return { status: SAVED, slno: String(slno), uid };
	},
	'sales/route_returndetails': ({ state }) => ({
		details: state.day.returns.flatMap((entry) =>
			entry.items.map((item) => ({
				customer: customerName(state, entry.custcode),
				product: productOf(state, item.itemcode).itemname,
				qty: fixed(item.qty),
				// dd/MM/yyyy here, while Route Return takes YYYY-MM-DD: both as documented.
				expdate: item.expdate.split('-').reverse().join('/'),
			})),
		),
	}),
};

const stock: Handlers = {
	'sales/stock_transfer': ({ state }, body) => ({ status: SAVED, slno: String(state.saveTransfer(body).slno) }),
};

const dayClosing: Handlers = {
	// Route Closing's page was cut off before its answer: the sandbox sends the envelope alone.
	'sales/route_closing': ({ state }, body) => {
		state.closeRoute(body);
		return {};
	},
	'sales/sales_closing': ({ state }, body) => {
		state.closeSales(body);
		return OK;
	},
};

const notification: Handlers = {
	'sales/get_notifications': ({ state }, body) => ({
		details: state.device.notificationsOf(textOf(body.deviceid)).map((notification) => ({
			messageText: notification.messageText,
			entryDate: notification.entryDate,
			responseId: notification.responseId,
			sentDate: notification.sentDate,
			seenStatus: notification.seenStatus,
			seenDate: notification.seenDate,
			entryId: String(notification.entryId),
		})),
	}),
	'sales/update_notifications': ({ state }, body) => {
		state.device.markNotifications(body);
		return OK;
	},
};

/** The handlers by path, grouped as the catalog groups its endpoints. */
export const HANDLERS: Handlers = { ...licenceServer, ...device, ...route, ...customer, ...product, ...sale, ...returns, ...stock, ...dayClosing, ...notification };

/** Route Save sends the payment mode as one character (C = cash, B = cheque); the route report spells it out ("Cash"). */
const PAYMENT_MODES: Readonly<Record<string, string>> = { C: 'Cash', B: 'Cheque' };

function routeDetails(state: CodelayerState): Payload {
	const { route, day } = state;
	// Shops added today (and the day before) by the route's driver, by its salesman, on the route: a guess at
	// what these undocumented counters count.
	const count = (shops: readonly AddedShop[], pick: (shop: AddedShop) => boolean) => String(shops.filter(pick).length);
	const ofDriver = (shop: AddedShop) => shop.drvAcCode === route.drvAcCode;
	const ofSalesman = (shop: AddedShop) => shop.slmAcCode === route.slmAcCode;
	const ofRoute = (shop: AddedShop) => shop.rid === route.rid;
	return {
		gp_fyear: day.gpFyear,
		vehicle: route.vehicle,
		routename: state.routeName,
		salesman: route.salesman,
		driver: route.driver,
		shoptoappdistance: route.shoptoappdistance,
		applyReturnPercOnGPQty: 'F',
		needReturnPercCheckingOnApp: 'F',
		slmAcCode: String(route.slmAcCode),
		drvShopCount: count(day.addedShops, ofDriver),
		drvShopCountPrev: count(day.addedShopsBefore, ofDriver),
		slmShopCount: count(day.addedShops, ofSalesman),
		slmShopCountPrev: count(day.addedShopsBefore, ofSalesman),
		rtShopCount: count(day.addedShops, ofRoute),
		rtShopCountPrev: count(day.addedShopsBefore, ofRoute),
		fcmToken: state.device.fcmToken,
		shopLimitWarn: 'F',
		distToShopGpsValidation: 'F',
		minShopCreateCount: '0',
		upiId: route.upiId,
		companyName: route.companyName,
		rid: String(route.rid),
		prdcnt: String(state.loadedProducts().length),
		drvAcCode: String(route.drvAcCode),
	};
}

function placeName(state: CodelayerState, customer: Customer): string {
	return state.placeOf(customer.placeid)?.place ?? '';
}

function customerName(state: CodelayerState, custcode: number): string {
	return state.customers.find((customer) => customer.custcode === custcode)?.custname ?? '';
}

/** Documents only name products the state checked. */
function productOf(state: CodelayerState, itemcode: number): Product {
	const product = state.product(itemcode);
	if (!product) throw new Error(`a saved document names item ${itemcode}, which is in no master`);
	return product;
}

/** Route Customers' balance: "" when the customer owes nothing (as in the page's sample), else the amount. */
function balanceText(balance: number): string {
	return balance === 0 ? '' : fixed(balance);
}

