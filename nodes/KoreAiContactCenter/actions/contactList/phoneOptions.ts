import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PHONE_COUNTRIES, phoneCountry } from '../../../../common/phoneCountries';
import { checkPhoneNumber } from '../../../../common/phoneNumbers';
import { visible } from '../../../../common/text';

/**
 * Add Contacts' phone-number options and the reading of one item's number with them. Kore.ai's Add
 * Contacts page (add-contacts-to-contact-list.mdx) takes "a valid number in international or local
 * format depending on platform rules"; the node sends E.164 only (common/phoneNumbers.ts says why),
 * so a national number needs a Default Country to become one.
 */

export const phoneNumberOptions: INodeProperties[] = [
	{
		displayName: 'Default Country',
		name: 'defaultCountry',
		type: 'options',
		default: '',
		options: [
			{ name: 'None (Numbers Start With +)', value: '' },
			...PHONE_COUNTRIES.map((country) => ({
				name: `${country.name} (+${country.callingCode})`,
				value: country.code,
			})),
		],
		description:
			'The country of numbers written without "+" and country code, e.g. 4155550102 with United States and Canada: they get its calling code (a leading trunk prefix such as 0 dropped) before the check. None: such numbers are refused.',
	},
	{
		displayName: 'Remove Phone Formatting',
		name: 'removePhoneFormatting',
		type: 'boolean',
		default: true,
		description:
			'Whether to remove spaces, dashes, dots and parentheses from phone numbers before checking them ("+1 (415) 555-0100" becomes +14155550100). Off: such numbers are refused.',
	},
];

/** One item's phone number in E.164, with the item's options; a NodeOperationError naming the item otherwise. */
export function readPhoneNumber(
	this: IExecuteFunctions,
	itemIndex: number,
	rawPhone: unknown,
): string {
	const removeFormatting =
		this.getNodeParameter('options.removePhoneFormatting', itemIndex, true) !== false;
	const code = this.getNodeParameter('options.defaultCountry', itemIndex, '') as unknown;
	const none = code === '' || code === undefined || code === null;
	const country = none ? undefined : phoneCountry(code);
	if (!none && country === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Default Country (in Options) of item ${itemIndex} is "${visible(String(code), 20)}", which is not one of its countries. Pick one from the list, or set the code of a listed one (${PHONE_COUNTRIES.map((c) => c.code).join(', ')}).`,
			{ itemIndex },
		);
	}
	const checked = checkPhoneNumber(
		rawPhone,
		`Phone Number of item ${itemIndex}`,
		removeFormatting,
		country,
	);
	if ('problem' in checked)
		throw new NodeOperationError(this.getNode(), checked.problem, { itemIndex });
	return checked.phoneNumber;
}
