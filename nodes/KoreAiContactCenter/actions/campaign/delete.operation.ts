import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyCampaignAnswer } from '../../output/simplifyCampaign';
import { koreAiRequestOrNotFound, notFoundError } from '../../transport';
import { singleCampaignFields } from '../common.fields';
import { itemParameter } from '../itemParameter';
import { readCampaignTarget } from '../readInputs';
import type { CampaignResourceInfo, Operation } from '../types';

/**
 * Kore.ai ("Delete SMS Campaign (v2)", "Delete Voice Campaign (v2)"):
 * `DELETE /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=..&campaignType=sms|voice`.
 * Deletion is permanent: Kore.ai has no undo and answers with the deleted campaign's details, which
 * become the output item. Deleting a campaign a second time answers "not found".
 *
 * A DELETE can be repeated safely: a repeat cannot delete anything more. So the transport retries
 * it after tries whose outcome is unknown (timeout, connection reset, 502/503/504, an answer lost
 * or cut off on the way back). If such a retry answers "not found", the earlier try deleted the
 * campaign: the item says `deleted: true` with `confirmedOnRetry: true` and `attempts`. Kore.ai's
 * answer to the try that deleted it was lost, so such an item has no campaign details (name,
 * status, ...), whatever Simplify says.
 *
 * "Not found" without such an earlier try means the campaign was not there: an error, unless the
 * option "Treat Missing Campaigns as Deleted" is on; then the item says `deleted: false` and gives
 * the `reason`.
 */

const treatMissingAsDeletedOption: INodeProperties = {
	displayName: 'Treat Missing Campaigns as Deleted',
	name: 'treatMissingAsDeleted',
	type: 'boolean',
	default: false,
	description:
		'Whether a campaign that does not exist counts as done instead of failing the item; such items say deleted: false and give the reason. Off by default: a missing campaign is an error. Useful when re-running a sheet after a partial run. (A campaign found gone when a delete is retried after a lost answer is always reported deleted.)',
};

export const deleteCampaign: Operation<CampaignResourceInfo> = {
	value: 'delete',
	name: 'Delete',
	action: (resource) => `Delete ${resource.label} Campaign`,
	description: (resource) => `Permanently delete a ${resource.label} campaign and return its details`,
	properties: singleCampaignFields(
		'The campaign to delete: pick it from the list, or give its ID (cd-...), typed in or mapped from the previous node with an expression. Deletion is permanent and cannot be undone.',
		[treatMissingAsDeletedOption],
	),

	async execute(this: IExecuteFunctions, itemIndex: number, resource: CampaignResourceInfo): Promise<IDataObject> {
		const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);
		const treatMissingAsDeleted = itemParameter.call(this, 'options.treatMissingAsDeleted', itemIndex, false) === true;
		const { campaignType } = resource;

		const result = await koreAiRequestOrNotFound.call(this, itemIndex, {
			method: 'DELETE',
			path: `/campaign/${encodeURIComponent(campaignId)}`,
			qs: { campaignType },
			streamId,
			action: `delete ${resource.label} campaign ${campaignId}`,
			campaignId,
		});

		if (!result.found) {
			if (result.earlierTryMayHaveTakenEffect) {
				return {
					deleted: true,
					campaignId,
					campaignType,
					confirmedOnRetry: true,
					attempts: result.attempts,
					message: `Campaign ${campaignId} is deleted: Kore.ai's answer to an earlier try was lost, and the retry found the campaign gone. Its details are not available.`,
				};
			}
			if (treatMissingAsDeleted) {
				return {
					deleted: false,
					campaignId,
					campaignType,
					reason: `Campaign ${campaignId} was not found in app ${result.streamId}, so there was nothing to delete (it may have been deleted earlier).`,
				};
			}
			throw notFoundError.call(this, result, itemIndex);
		}

		if (!itemParameter.call(this, 'simplify', itemIndex, true)) return result.body;
		return { deleted: true, ...simplifyCampaignAnswer(result.body, campaignId, campaignType) };
	},
};
