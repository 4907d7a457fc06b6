import type { CampaignType } from '../api/campaign';
import type { Listing } from './listing';

/**
 * What changed between the campaigns the trigger remembers and a new listing: pure, no request.
 * Every change is found whatever events the user watches, and the memory always follows Kore.ai,
 * so switching events later does not replay old changes.
 */

export type TriggerEvent = 'statusChanged' | 'created' | 'deleted';

/** What is remembered of one campaign: [status, name]. Kept small: static data is stored with the workflow. */
type RememberedCampaign = [string, string];

/** Campaign ID -> what was seen of it at the last successful poll. */
export type Remembered = Record<string, RememberedCampaign>;

export interface CampaignChange {
	event: TriggerEvent;
	campaignId: string;
	name: string;
	campaignType: CampaignType;
	/** Before the change; null for a created campaign. */
	previousStatus: string | null;
	/** After the change; null for a deleted campaign. */
	status: string | null;
	/** Kore.ai's `updatedAt` of the campaign, when listed. */
	updatedAt?: string;
}

interface Comparison {
	changes: CampaignChange[];
	/** What to remember from now on; undefined when there is still nothing to compare with next time. */
	remembered: Remembered | undefined;
	/** Whether `remembered` differs from before (names included). */
	differs: boolean;
}

/** Kore.ai caps campaign names at 48 characters; the cap keeps a wrong answer from bloating the memory. */
const MAX_REMEMBERED_NAME = 100;

export function compareListing(before: Remembered | undefined, listing: Listing): Comparison {
	const remembered: Remembered = {};
	for (const campaign of listing.campaigns)
		remembered[campaign.id] = [campaign.status, campaign.name.slice(0, MAX_REMEMBERED_NAME)];

	if (before === undefined) {
		// The first look: what exists now is the starting point, not a change. A listing with gaps
		// would make the campaigns it missed look created later, so it is not a starting point.
		return listing.complete
			? { changes: [], remembered, differs: true }
			: { changes: [], remembered: undefined, differs: false };
	}

	const changes: CampaignChange[] = [];
	let differs = false;
	const base = { campaignType: listing.campaignType };
	for (const campaign of listing.campaigns) {
		const previous = before[campaign.id];
		const at = campaign.updatedAt === undefined ? {} : { updatedAt: campaign.updatedAt };
		if (previous === undefined) {
			changes.push({
				event: 'created',
				campaignId: campaign.id,
				name: campaign.name,
				...base,
				previousStatus: null,
				status: campaign.status,
				...at,
			});
			differs = true;
		} else if (previous[0] !== campaign.status) {
			changes.push({
				event: 'statusChanged',
				campaignId: campaign.id,
				name: campaign.name,
				...base,
				previousStatus: previous[0],
				status: campaign.status,
				...at,
			});
			differs = true;
		} else if (previous[1] !== remembered[campaign.id][1]) {
			differs = true;
		}
	}
	for (const [id, previous] of Object.entries(before)) {
		if (id in remembered) continue;
		if (!listing.complete) {
			// Maybe only missed by the paging: remember it as it was and look again next poll.
			remembered[id] = previous;
			continue;
		}
		changes.push({
			event: 'deleted',
			campaignId: id,
			name: previous[1],
			...base,
			previousStatus: previous[0],
			status: null,
		});
		differs = true;
	}
	return { changes, remembered, differs };
}
