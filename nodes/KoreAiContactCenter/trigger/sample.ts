import { EXAMPLE_IDS } from '../../../common/identifiers';
import type { CampaignType } from '../api/campaign';
import type { CampaignChange, TriggerEvent } from './changes';
import type { ListedCampaign, Listing } from './listing';

/**
 * "Fetch Test Event" in the editor: when nothing changed since the last poll (or nothing was
 * remembered yet), the user still needs an item with the real keys to map fields from. The sample
 * is the app's most recently updated campaign presented as the first watched event, with
 * `sample: true`. An app without campaigns gets a made-up one with the documentation's example ID.
 */

/** A plausible status before the current one, for a sample status change. */
const BEFORE: Record<string, string> = {
	Active: 'Ready',
	Completed: 'Active',
	Paused: 'Active',
	Stopped: 'Active',
	Scheduled: 'Ready',
	Rescheduled: 'Scheduled',
	Preparing: 'Ready',
	Ready: 'Preparing',
};

export function sampleChange(
	listings: Listing[],
	events: TriggerEvent[],
	fallbackType: CampaignType,
): CampaignChange {
	const event: TriggerEvent = events.includes('statusChanged') ? 'statusChanged' : events[0];
	let latest: { campaign: ListedCampaign; campaignType: CampaignType } | undefined;
	for (const listing of listings) {
		for (const campaign of listing.campaigns) {
			if (latest === undefined || (campaign.updatedAt ?? '') > (latest.campaign.updatedAt ?? '')) {
				latest = { campaign, campaignType: listing.campaignType };
			}
		}
	}
	const campaign: ListedCampaign = latest?.campaign ?? {
		id: EXAMPLE_IDS.campaign,
		name: 'Sample campaign',
		status: 'Completed',
	};
	const campaignType = latest?.campaignType ?? fallbackType;
	const at = campaign.updatedAt === undefined ? {} : { updatedAt: campaign.updatedAt };
	const base = { event, campaignId: campaign.id, name: campaign.name, campaignType, ...at };
	if (event === 'created') return { ...base, previousStatus: null, status: campaign.status };
	if (event === 'deleted') return { ...base, previousStatus: campaign.status, status: null };
	return { ...base, previousStatus: BEFORE[campaign.status] ?? 'Ready', status: campaign.status };
}
