'use strict';

/**
 * Which requests each of the node's operations sends, in order (endpoint ids of endpoints.js). The
 * docs (docs/kore-ai-api.md) render it as "requests per operation", and each endpoint's "used by".
 */
const operations = [
	{ operation: 'SMS / Voice Campaign > Delete', requests: ['deleteCampaign'] },
	{
		operation: 'SMS / Voice Campaign > Delete, with Dry Run, Only When Status Is or Expected Name',
		requests: ['getCampaign', 'deleteCampaign'],
		note: "Dry Run sends the Get only; so does a row refused by a guard or whose campaign is of the other type. Kore.ai has no conditional delete: a change between the two requests is possible (the DELETE's answer is checked again, `warning`).",
	},
	{ operation: 'SMS / Voice Campaign > Get', requests: ['getCampaign'] },
	{
		operation: 'SMS / Voice Campaign > Get Many',
		requests: ['listCampaigns'],
		note: 'one request per page of up to 100',
	},
	{ operation: 'SMS / Voice Campaign > Get Status', requests: ['campaignStatus'] },
	{ operation: 'SMS Campaign > Start', requests: ['startSmsCampaign'] },
	{ operation: 'SMS Campaign > Stop', requests: ['stopSmsCampaign'] },
	{ operation: 'Voice Campaign > Start', requests: ['startVoiceCampaign'] },
	{ operation: 'Voice Campaign > Stop', requests: ['stopVoiceCampaign'] },
	{
		operation: 'SMS / Voice Campaign > Get Results',
		requests: ['campaignResults'],
		note: 'one request per page of up to 100',
	},
	{
		operation: 'SMS / Voice Campaign > Schedule',
		requests: ['getCampaign', 'scheduleCampaign'],
		note: 'the Get only when the campaign is given by ID or from the list (Kore.ai schedules by name)',
	},
	{
		operation: 'SMS / Voice Campaign > Unschedule',
		requests: ['getCampaign', 'scheduleCampaign'],
		note: 'as Schedule, with enableSchedule=false and `{}`',
	},
	{
		operation: 'SMS / Voice Campaign > Create',
		requests: ['listContactLists', 'createCampaign', 'getCampaign'],
		note: 'the listing only when a contact list is given by ID (once per execution); the Gets only with Wait Until Ready',
	},
	{
		operation: 'SMS / Voice Campaign > Update',
		requests: ['listContactLists', 'getCampaign', 'updateCampaign'],
		note: "the listing only when a contact list is given by ID; no PUT when every value given is the campaign's already",
	},
	{ operation: 'Contact List > Get Many', requests: ['listContactLists'] },
	{ operation: 'Contact List > Create', requests: ['createContactList'] },
	{ operation: 'Contact List > Get', requests: ['getContactList'] },
	{ operation: 'Contact List > Update', requests: ['updateContactList'] },
	{ operation: 'Contact List > Delete', requests: ['deleteContactList'] },
	{
		operation: 'Contact List > Delete, with Dry Run or Expected Name',
		requests: ['getContactList', 'deleteContactList'],
		note: 'Dry Run sends the Get only; so does a row whose name does not match.',
	},
	{
		operation: 'Contact List > Get Contacts',
		requests: ['getContacts'],
		note: 'one request per page of up to 100',
	},
	{
		operation: 'Contact List > Add Contacts',
		requests: ['getContactList', 'addContacts'],
		note: 'the Get only when the list is given by ID (Kore.ai adds by name); one request per batch',
	},
	{ operation: 'The campaign pickers (From List)', requests: ['listCampaigns'] },
	{
		operation: 'The contact-list pickers and the Contact List Names field',
		requests: ['listContactLists'],
	},
	{
		operation: 'Kore.ai Contact Center Trigger (each poll)',
		requests: ['listCampaigns'],
		note: 'every page, for each campaign type watched',
	},
	{
		operation: "The credential's Test",
		requests: ['listCampaigns'],
		note: 'one SMS campaign (limit 1)',
	},
];

module.exports = { operations };
