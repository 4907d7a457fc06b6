import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateCampaignRequest } from '../../api/campaignRequests';
import { simplifyWrittenCampaign } from '../../output/simplifyCampaignWrite';
import { koreAiRequest } from '../../transport';
import { campaignIdField, optionsField, simplifyField, streamIdOption } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import type { CampaignType } from '../../api/campaign';
import type { CampaignResourceInfo, Operation } from '../types';
import { getAt, updateBody } from './campaignBody';
import { updateFieldOptions } from './campaignFields';
import { fail, readUpdateValues, type Check } from './campaignValues';
import { daysOf, emptyWindow } from './callingHours';
import { contactListNames } from './contactListNames';
import { readCampaign } from './readCampaign';
import { SETTINGS, settingNamed } from './settings';

/**
 * Update SMS Campaign and Update Voice Campaign: read, then write.
 *
 * Kore.ai's update pages (update-sms-campaign-v2.mdx, update-voice-campaign-v2.mdx) show a complete
 * body, mark most fields required and do not say whether a PUT merges or replaces. So the node first
 * gets the campaign (`GET /campaign/{id}`), then sends `PUT /campaign/{id}?accountId=..&campaignType=..`
 * with the complete documented body: the campaign as it is, with only what the user gave under Update
 * Fields replaced, down to one day's calling window. That is right whether Kore.ai merges or replaces.
 * It costs one more request, and whatever someone changes in Kore.ai between the two requests is
 * overwritten with what was read. Both requests are paced, and the other items' requests go between
 * them: typically up to Concurrency x 60 / Requests per Minute seconds apart (5 s at the defaults,
 * 1 s at Concurrency 1; measured for Delete's guards, which use the same pacer), milliseconds only
 * with pacing off.
 *
 * Nothing to change (every value given is the campaign's already): nothing is sent. The output lists
 * the settings that changed (`updatedFields`, and `changes` with each one's `from` and `to`).
 */

/** What Kore.ai's update needs and neither the campaign as read nor Update Fields gave: said by field, before the PUT. */
function checkComplete(
	check: Check,
	type: CampaignType,
	campaignId: string,
	body: IDataObject,
): void {
	const needs = (name: string, why: string): never => {
		const label = settingNamed(name).field.displayName;
		return fail(
			check,
			`${label} is needed to update campaign ${campaignId} of item ${check.itemIndex}: ${why} Add ${label} to Update Fields.`,
		);
	};
	for (const setting of SETTINGS) {
		if (!setting.path || !setting.updateRequired?.includes(type)) continue;
		const value = getAt(body, setting.path);
		// A list (contact lists) needs at least one name; anything but a list is none.
		const list = setting.kind === 'names';
		const none = list
			? !Array.isArray(value) || value.length === 0
			: value === undefined || value === null || value === '';
		if (none)
			needs(
				setting.field.name,
				`Kore.ai's update requires ${list ? 'at least one' : 'it'}, and the campaign as Kore.ai gave it has none.`,
			);
	}
	const hours = getAt(body, ['dialingStrategy', 'callingHours']) as IDataObject;
	if (daysOf(hours).length === 0)
		needs(
			'callingDays',
			"Kore.ai's update requires the calling days, and the campaign as Kore.ai gave it has none.",
		);
	const empty = emptyWindow(daysOf(hours));
	if (empty !== undefined) {
		fail(
			check,
			`The calling window of ${empty.day} would end (${empty.end}) before it starts (${empty.start}) for item ${check.itemIndex}: give Calling Window Start and End that fit every calling day.`,
		);
	}
	const flowless =
		"Kore.ai's update requires the experience flow's name, and Kore.ai's Get gives only its ID (cf-...).";
	const flowName = body.experienceFlowName;
	if (type === 'sms' && body.format === 'advanced' && (flowName === undefined || flowName === ''))
		needs('experienceFlowName', `the campaign has the Advanced format: ${flowless}`);
	if (type === 'voice') {
		if (body.dialingMode === undefined)
			fail(
				check,
				`Campaign ${campaignId} of item ${check.itemIndex} has no dialing mode in Kore.ai's answer, which its update requires; update it in Kore.ai.`,
			);
		if (
			(body.dialingMode === 'Progressive' || body.dialingMode === 'Preview') &&
			body.queue_name === undefined
		) {
			needs(
				'queueName',
				`it is a ${String(body.dialingMode)} campaign, Kore.ai's update requires its agent queue, and Get does not return it.`,
			);
		}
		if (body.dialingMode === 'Preview' && body.maxSkips === undefined)
			needs(
				'maxSkips',
				"it is a Preview campaign, and Kore.ai's update requires Max Skips, which its Get did not return.",
			);
	}
}

export function updateOperation(
	type: CampaignType,
	description: (resource: CampaignResourceInfo) => string,
): Operation<CampaignResourceInfo> {
	return {
		value: 'update',
		name: 'Update',
		action: (resource) => `Update ${resource.label} Campaign`,
		description,
		properties: [
			{
				...campaignIdField,
				description:
					'The campaign to change: pick it from the list, or give its ID (cd-...), typed in or mapped from the previous node with an expression',
			},
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description:
					'Only the fields added here change; the node reads the campaign first and sends the rest as it is',
				options: updateFieldOptions(type),
			},
			simplifyField,
			optionsField([streamIdOption]),
		],

		async execute(
			this: IExecuteFunctions,
			itemIndex: number,
			resource: CampaignResourceInfo,
		): Promise<IDataObject> {
			const check: Check = { node: this, itemIndex };
			const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);
			const values = readUpdateValues(
				check,
				type,
				this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
			);
			if (values.contactLists !== undefined) {
				values.contactLists = await contactListNames.call(
					this,
					itemIndex,
					values.contactLists as string[],
					streamId,
				);
			}
			const { data } = await readCampaign.call(this, itemIndex, { campaignId, streamId, resource });
			const { body, changes } = updateBody(type, data, values);
			const updatedFields = Object.keys(changes);
			// Nothing to change needs nothing Kore.ai's update requires.
			if (updatedFields.length === 0) {
				return {
					campaignId,
					campaignType: type,
					updated: false,
					updatedFields,
					changes,
					message: `${resource.label} campaign ${campaignId} already has these values: nothing was sent to Kore.ai.`,
				};
			}
			checkComplete(check, type, campaignId, body);
			const answer = await koreAiRequest.call(
				this,
				itemIndex,
				updateCampaignRequest({ campaignId, type, streamId }, body),
			);
			if (!this.getNodeParameter('simplify', itemIndex, true)) return answer;
			const flat = simplifyWrittenCampaign(answer, type, campaignId);
			// Only creation leaves a campaign Preparing; an update's answer says nothing about it.
			delete flat.creationInProgress;
			return { ...flat, updated: true, updatedFields, changes };
		},
	};
}
