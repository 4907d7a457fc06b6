import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { EXAMPLE_IDS, checkIdentifier } from '../../../../common/identifiers';
import { charCount, isObject, visible } from '../../../../common/text';
import { campaignIdField } from '../common.fields';
import { readStreamId } from '../readInputs';
import type { CampaignResourceInfo } from '../types';
import { readCampaign } from './readCampaign';
import { settingNamed } from './settings';

const MAX_NAME = settingNamed('name').maxLength as number;

/**
 * Kore.ai's schedule endpoints find the campaign by its NAME, not its ID. The Campaign field offers
 * the usual picker and "By ID" (the node then asks Get for the campaign's name: one more request),
 * and "By Name" for a name already known (no extra request).
 */

export const campaignByNameField: INodeProperties = {
	...campaignIdField,
	modes: [
		...(campaignIdField.modes ?? []),
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'Spring Renewal Reminder',
		},
	],
};

interface NamedCampaign {
	campaignName: string;
	/** Known when the campaign was given by ID or picked from the list. */
	campaignId?: string;
	streamId: string | undefined;
}

export async function readCampaignName(
	this: IExecuteFunctions,
	itemIndex: number,
	resource: CampaignResourceInfo,
): Promise<NamedCampaign> {
	const streamId = readStreamId.call(this, itemIndex);
	const locator = this.getNodeParameter('campaignId', itemIndex, undefined, {
		extractValue: false,
	}) as unknown;
	const mode = isObject(locator) ? locator.mode : 'id';
	const value = isObject(locator) ? locator.value : locator;

	if (mode === 'name') {
		const name = typeof value === 'string' ? value.trim() : '';
		if (name === '') {
			throw new NodeOperationError(
				this.getNode(),
				`Campaign name of item ${itemIndex} is empty. Enter the campaign's name exactly as Kore.ai shows it, or pick the campaign from the list.`,
				{ itemIndex },
			);
		}
		if (charCount(name) > MAX_NAME) {
			throw new NodeOperationError(
				this.getNode(),
				`Campaign name of item ${itemIndex} is ${charCount(name)} characters long ("${visible(name, 40)}"); Kore.ai campaign names have at most ${MAX_NAME}. Check the mapped value.`,
				{ itemIndex },
			);
		}
		return { campaignName: name, streamId };
	}

	const checked = checkIdentifier(value, `Campaign ID of item ${itemIndex}`, EXAMPLE_IDS.campaign);
	if ('problem' in checked)
		throw new NodeOperationError(this.getNode(), checked.problem, { itemIndex });
	const campaignId = checked.id;
	const { body } = await readCampaign.call(this, itemIndex, { campaignId, streamId, resource });
	const name = isObject(body.data) ? body.data.name : undefined;
	if (typeof name !== 'string' || name.trim() === '') {
		throw new NodeOperationError(
			this.getNode(),
			`Kore.ai's answer for ${resource.label} campaign ${campaignId} has no name, and schedules are set by name. Give the campaign By Name instead.`,
			{ itemIndex },
		);
	}
	return { campaignName: name, campaignId, streamId };
}
