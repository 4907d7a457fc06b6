// The small readers behind Create and Update's checks (compiled dist/).
const {
	encodeSmsText,
} = require('../../dist/nodes/KoreAiContactCenter/actions/campaign/campaignBody');
const {
	parseTimeOfDay,
} = require('../../dist/nodes/KoreAiContactCenter/actions/campaign/callingHours');
const { readNameList } = require('../../dist/common/lists');
const {
	decodeBase64Text,
} = require('../../dist/nodes/KoreAiContactCenter/output/simplifyCampaign');

test.each([
	['9:00 AM', '9:00 AM', 540],
	['9 am', '9:00 AM', 540],
	['09:00', '9:00 AM', 540],
	['17:30', '5:30 PM', 1050],
	['5:30pm', '5:30 PM', 1050],
	['12:00 AM', '12:00 AM', 0],
	['12 PM', '12:00 PM', 720],
	['00:15', '12:15 AM', 15],
	['23:59', '11:59 PM', 1439],
])("time of day %s -> Kore.ai's %s", (raw, text, minutes) => {
	expect(parseTimeOfDay(raw)).toEqual({ text, minutes });
});

test.each(['24:00', '9', '13 PM', '0 AM', '9:60', 'nine', '9:00 XM', ''])(
	'not a time of day: %j',
	(raw) => {
		expect(parseTimeOfDay(raw)).toBeUndefined();
	},
);

test('name lists: a list or text separated by commas, trimmed, without empties or repeats', () => {
	expect(readNameList(['VIP', ' Renewals ', 'VIP', ''])).toEqual(['VIP', 'Renewals']);
	expect(readNameList('VIP, Renewals ,, VIP')).toEqual(['VIP', 'Renewals']);
	expect(readNameList(undefined)).toEqual([]);
	expect(readNameList('')).toEqual([]);
});

test('SMS text is UTF-8 base64 that the output side decodes back, placeholders and accents kept', () => {
	const text = 'Hi <First Name>, ¡hola! Grüße 👋';
	expect(encodeSmsText(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
	expect(decodeBase64Text(encodeSmsText(text))).toBe(text);
});
