import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { createCampaignRequest } from '../../api/campaignRequests';
import { simplifyWrittenCampaign } from '../../output/simplifyCampaignWrite';
import { koreAiRequest } from '../../transport';
import { optionsField, simplifyField, streamIdOption } from '../common.fields';
import { readStreamId } from '../readInputs';
import type { CampaignType } from '../../api/campaign';
import type { CampaignResourceInfo, Operation } from '../types';
import { createBody } from './campaignBody';
import { createFields } from './campaignFields';
import { readCreateValues } from './campaignValues';
import { contactListNames } from './contactListNames';
import { readWaitSettings, waitOptions, waitUntilReady } from './waitUntilReady';

/**
 * Create SMS Campaign and Create Voice Campaign: the same steps with different fields.
 *
 * Kore.ai: `POST /campaign/api/v2/public/{streamId}/campaign?accountId=..&campaignType=sms|voice`
 * (api/campaignRequests.ts), answered `{status: "success", message: "Campaign <name> creation in
 * progress", data: {..., id, status: "Preparing"}}`. The output item is that campaign, flattened,
 * with `creationInProgress: true`; with "Wait Until Ready" it is the campaign as Get gives it once
 * it is ready, with `waitedSeconds` and `readyChecks` (and the create answer's `message`).
 *
 * Never retried after a try whose outcome is unknown (timeout, reset, 502/503/504): Kore.ai may
 * have created the campaign, and a second POST would create a second one. Such an item fails and
 * says to check Kore.ai first.
 */

/** The fields of a create operation: the campaign's own, then additional fields, Simplify and Options. */
function createProperties(type: CampaignType): INodeProperties[] {
	const { main, additional } = createFields(type);
	return [
		...main,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: additional,
		},
		simplifyField,
		optionsField([...waitOptions, streamIdOption]),
	];
}

export function createOperation(
	type: CampaignType,
	description: (resource: CampaignResourceInfo) => string,
): Operation<CampaignResourceInfo> {
	const { main } = createFields(type);
	return {
		value: 'create',
		name: 'Create',
		action: (resource) => `Create ${resource.label} Campaign`,
		description,
		properties: createProperties(type),

		async execute(
			this: IExecuteFunctions,
			itemIndex: number,
			resource: CampaignResourceInfo,
		): Promise<IDataObject> {
			const given: IDataObject = {
				...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			};
			for (const { name } of main)
				given[name] = this.getNodeParameter(name, itemIndex, null) as IDataObject[string];
			const values = readCreateValues({ node: this, itemIndex }, type, given);
			const streamId = readStreamId.call(this, itemIndex);
			const wait = readWaitSettings.call(this, itemIndex);
			const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
			values.contactLists = await contactListNames.call(
				this,
				itemIndex,
				values.contactLists as string[],
				streamId,
			);
			const body = createBody(type, values);

			const created = await koreAiRequest.call(
				this,
				itemIndex,
				createCampaignRequest(type, body, streamId),
			);
			const flat = simplifyWrittenCampaign(created, type);
			if (!wait || !flat.creationInProgress) return simplify ? flat : created;

			const campaignId = typeof flat.campaignId === 'string' ? flat.campaignId : '';
			if (campaignId === '') {
				throw new NodeOperationError(
					this.getNode(),
					`Kore.ai accepted ${resource.label} campaign "${String(body.name)}" ("${String(flat.message ?? '')}") but its answer has no campaign ID, so the node cannot wait until it is ready. Do not create it again: find it with Get Many.`,
					{ itemIndex },
				);
			}
			const ready = await waitUntilReady.call(
				this,
				itemIndex,
				{ campaignId, streamId, name: String(body.name), resource },
				wait,
			);
			if (!simplify) return ready.body;
			return {
				...simplifyWrittenCampaign(ready.body, type, campaignId),
				// Kore.ai's words about the creation, not Get's "retrieved successfully".
				message: flat.message,
				waitedSeconds: Math.round(ready.waitedMs / 100) / 10,
				readyChecks: ready.checks,
			};
		},
	};
}
