/** The demo data's names: companies, people, countries, products, tags. */

/** [name, ISO code, phone code]. */
export const COUNTRIES: readonly (readonly [string, string, number])[] = [
	['Belgium', 'BE', 32],
	['Brazil', 'BR', 55],
	['Canada', 'CA', 1],
	['China', 'CN', 86],
	['Denmark', 'DK', 45],
	['France', 'FR', 33],
	['Germany', 'DE', 49],
	['India', 'IN', 91],
	['Italy', 'IT', 39],
	['Japan', 'JP', 81],
	['Mexico', 'MX', 52],
	['Netherlands', 'NL', 31],
	['Poland', 'PL', 48],
	['Spain', 'ES', 34],
	['Sweden', 'SE', 46],
	['Switzerland', 'CH', 41],
	['Taiwan', 'TW', 886],
	['Turkey', 'TR', 90],
	['United Arab Emirates', 'AE', 971],
	['United Kingdom', 'GB', 44],
	['United States', 'US', 1],
];

/** [company, country code, city, industry tag]: the first ones are Odoo's own demo companies. */
export const COMPANIES: readonly (readonly [string, string, string, string])[] = [
	['ASUSTeK', 'TW', 'Taipei', 'Vendor'],
	['Agrolait', 'BE', 'Wavre', 'Prospects'],
	['China Export', 'CN', 'Shanghai', 'Vendor'],
	['Delta PC', 'US', 'Fremont', 'Services'],
	['Think Big Systems', 'BE', 'Brussels', 'Consulting Services'],
	['Camptocamp', 'FR', 'Lyon', 'Services'],
	['Chamber Works', 'US', 'Phoenix', 'Prospects'],
	['Deco Addict', 'US', 'Pleasant Hill', 'Prospects'],
	['Gemini Furniture', 'US', 'Fairfield', 'Vendor'],
	['Lumber Inc', 'US', 'Stockton', 'Vendor'],
	['Ready Mat', 'US', 'Tracy', 'Prospects'],
	['The Jackson Group', 'US', 'Boston', 'Consulting Services'],
	['Wood Corner', 'US', 'Turlock', 'Vendor'],
	['Azure Interior', 'US', 'Fremont', 'Prospects'],
	['Anatolia Teknoloji', 'TR', 'Istanbul', 'Services'],
	['Bosphorus Lojistik', 'TR', 'Istanbul', 'Vendor'],
	['Ege Tekstil', 'TR', 'Izmir', 'Prospects'],
	['Nordic Freight', 'SE', 'Gothenburg', 'Vendor'],
	['Alpen Solar', 'CH', 'Zurich', 'Prospects'],
	['Iberia Foods', 'ES', 'Valencia', 'Prospects'],
	['Rheinland Maschinenbau', 'DE', 'Cologne', 'Vendor'],
	['Maple Leaf Analytics', 'CA', 'Toronto', 'Consulting Services'],
	['Sakura Electronics', 'JP', 'Osaka', 'Vendor'],
	['Gulf Trading', 'AE', 'Dubai', 'Prospects'],
	['Thames Digital', 'GB', 'London', 'Services'],
];

export const FIRST_NAMES = [
	'Edward', 'Laith', 'Ayaan', 'Kim', 'Travis', 'Julie', 'Toni', 'Jesse', 'Colleen', 'Brandon', 'Soham', 'Nicole', 'Billy', 'Floyd', 'Addison', 'Douglas',
	'Ayşe', 'Mehmet', 'Elif', 'Can', 'Zeynep', 'Emre', 'Lena', 'Jonas', 'Sofia', 'Mateo', 'Ingrid', 'Hiro', 'Priya', 'Omar',
];

export const LAST_NAMES = [
	'Foster', 'Jimenez', 'Agarwal', 'Lambert', 'Mendoza', 'Richards', 'Rhodes', 'Brown', 'Diaz', 'Freeman', 'Palmer', 'Simmons', 'Fox', 'Riley', 'Olson',
	'Hall', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Müller', 'Schmidt', 'García', 'Rossi', 'Larsen', 'Tanaka', 'Sharma', 'Haddad',
];

export const JOB_TITLES = ['Purchase Manager', 'Sales Manager', 'CEO', 'Accountant', 'IT Director', 'Operations Lead', 'Buyer', 'Office Manager'];

/** Synthetic company names for larger scales: "<prefix> <suffix>". */
export const NAME_PREFIXES = ['Atlas', 'Blue', 'Cedar', 'Delta', 'Eagle', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lotus', 'Meridian', 'Nova', 'Orion', 'Pioneer'];
export const NAME_SUFFIXES = ['Logistics', 'Foods', 'Systems', 'Textiles', 'Energy', 'Interiors', 'Analytics', 'Trading', 'Motors', 'Pharma', 'Retail', 'Studios'];

export const PARTNER_TAGS: readonly (readonly [string, string | undefined])[] = [
	['Prospects', undefined],
	['Vendor', undefined],
	['Services', undefined],
	['Consulting Services', 'Services'],
	['Partner Gold', undefined],
];

/** [reference, name, sales price, cost, type]. */
export const PRODUCTS: readonly (readonly [string, string, number, number, 'consu' | 'service' | 'product'])[] = [
	['FURN_0096', 'Customizable Desk', 750, 500, 'product'],
	['FURN_0269', 'Office Chair Black', 120.5, 55, 'product'],
	['FURN_1118', 'Corner Desk Right Sit', 147, 78, 'product'],
	['FURN_2333', 'Desk Organizer', 5.1, 3.2, 'consu'],
	['FURN_5555', 'Cable Management Box', 100, 70, 'product'],
	['FURN_6666', 'Acoustic Bloc Screens', 295, 250, 'product'],
	['FURN_7777', 'Office Chair', 70, 35, 'product'],
	['FURN_7800', 'Desk Combination', 450, 300, 'product'],
	['FURN_8220', 'Four Person Desk', 2350, 1800, 'product'],
	['FURN_8522', 'Drawer Black', 25, 18, 'consu'],
	['FURN_8888', 'Office Lamp', 40, 22, 'consu'],
	['FURN_8999', 'Three-Seat Sofa', 1500, 1000, 'product'],
	['E-COM06', 'Large Meeting Table', 4000, 2800, 'product'],
	['E-COM07', 'Pedal Bin', 47, 10, 'consu'],
	['E-COM10', 'Storage Box', 15.8, 14, 'consu'],
	['SERV_CONS', 'Consulting Hour', 90, 60, 'service'],
	['SERV_IMPL', 'CloudOffix Implementation Package', 3500, 2100, 'service'],
	['SERV_TRAIN', 'User Training (day)', 800, 350, 'service'],
	['SUB_CRM', 'CloudOffix CRM Subscription (user/month)', 25, 4, 'service'],
	['SUB_ERP', 'CloudOffix ERP Subscription (user/month)', 45, 7, 'service'],
];

/** [name, sequence, probability]. */
export const CRM_STAGES: readonly (readonly [string, number, number])[] = [
	['New', 1, 10],
	['Qualified', 2, 30],
	['Proposition', 3, 70],
	['Won', 70, 100],
];

export const LEAD_TAGS = ['Product', 'Software', 'Services', 'Information', 'Design', 'Training', 'Consulting', 'Other'];

export const LEAD_SUBJECTS = [
	'Plan to Attend a Training',
	'Interest in Your New Software',
	'Need a Quotation for Office Furniture',
	'Request for a CRM Demo',
	'Looking for an ERP Partner',
	'Renewal of Subscriptions',
	'Questions about Implementation',
	'Expansion to New Branch',
	'Distributor Inquiry',
	'Upgrade to ERP Suite',
];
