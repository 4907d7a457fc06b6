import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { route } from './actions/router';
import { properties, subtitle } from './actions/versionDescription';
import { getContactListNames } from './methods/getContactListNames';
import { searchCampaigns } from './methods/searchCampaigns';
import { searchContactLists } from './methods/searchContactLists';

export class KoreAiContactCenter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kore.ai Contact Center',
		name: 'koreAiContactCenter',
		icon: { light: 'file:../../icons/koreai.svg', dark: 'file:../../icons/koreai.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle,
		description: 'Manage Kore.ai Contact Center SMS and voice campaigns and their contact lists',
		defaults: { name: 'Kore.ai Contact Center' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'koreAiApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchCampaigns, searchContactLists },
		loadOptions: { getContactListNames },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
