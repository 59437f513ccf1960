/*
 * What can be checked of a US shipping address without an outside service (no address
 * verification API): the state is a USPS state or territory code (or its name), the ZIP code is
 * ZIP or ZIP+4. Missing and blank lines are the request schema's to refuse (422), so by the time
 * an address reaches here its required lines are present. An address in another country is not
 * checked: Dropgate knows no other country's rules.
 */

/** USPS codes: the 50 states, DC, the inhabited territories, the freely associated states and the military "states". */
const US_STATES: Readonly<Record<string, string>> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado",
  CT: "Connecticut", DE: "Delaware", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho",
  IL: "Illinois", IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana",
  ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada",
  NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico", NY: "New York", NC: "North Carolina",
  ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania",
  RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas",
  UT: "Utah", VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia",
  WI: "Wisconsin", WY: "Wyoming",
  DC: "District of Columbia",
  AS: "American Samoa", GU: "Guam", MP: "Northern Mariana Islands", PR: "Puerto Rico", VI: "Virgin Islands",
  FM: "Federated States of Micronesia", MH: "Marshall Islands", PW: "Palau",
  AA: "Armed Forces Americas", AE: "Armed Forces Europe", AP: "Armed Forces Pacific",
};

const STATE_CODES = new Set(Object.keys(US_STATES));
const STATE_NAMES = new Set(Object.values(US_STATES).map((name) => name.toLowerCase()));
const US_COUNTRIES = new Set(["us", "usa", "united states", "united states of america"]);
const ZIP = /^\d{5}(-\d{4})?$/;

/** Whether a state line names a US state or territory, by USPS code or name, in any case. */
export function isUsState(state: string): boolean {
  const value = state.trim();
  return STATE_CODES.has(value.toUpperCase()) || STATE_NAMES.has(value.toLowerCase());
}

/** Whether a ZIP code is `12345` or `12345-6789`. */
export function isUsZip(zip: string): boolean {
  return ZIP.test(zip.trim());
}

/** Whether an address is in the US: no country (Drop Ship is a US service) or US / USA / United States. */
export function isUsAddress(address: { readonly country?: string | undefined }): boolean {
  return address.country === undefined || address.country.trim() === "" || US_COUNTRIES.has(address.country.trim().toLowerCase());
}

/** Whether a shipping address can be shipped to, as far as it can be told offline. */
export function isDeliverableAddress(address: { readonly state: string; readonly zip_code: string; readonly country?: string | undefined }): boolean {
  return !isUsAddress(address) || (isUsState(address.state) && isUsZip(address.zip_code));
}
