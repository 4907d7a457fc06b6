import type { INodeProperties } from 'n8n-workflow';

import type { CampaignType } from '../../api/campaign';
import { SETTINGS } from './settings';

/** The editor's fields of Create and Update, derived from the campaign settings (settings/). */

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** Create's fields for one type: those shown directly, in the settings' order, and Additional Fields' options. */
export function createFields(type: CampaignType): {
	main: INodeProperties[];
	additional: INodeProperties[];
} {
	const field = (setting: (typeof SETTINGS)[number]): INodeProperties =>
		setting.required?.includes(type) ? { ...setting.field, required: true } : setting.field;
	return {
		main: SETTINGS.filter((setting) => setting.create[type] === 'main').map(field),
		additional: SETTINGS.filter((setting) => setting.create[type] === 'additional')
			.map(field)
			.sort(byDisplayName),
	};
}

/** Update Fields' options for one type: every setting Update offers, optional, by name. */
export function updateFieldOptions(type: CampaignType): INodeProperties[] {
	return SETTINGS.filter((setting) => setting.update.includes(type))
		.map(({ field }) => {
			const optional = { ...field };
			delete optional.required;
			// Inside Update Fields there is no Message selector to show a template's fields for.
			delete optional.displayOptions;
			return optional;
		})
		.sort(byDisplayName);
}
