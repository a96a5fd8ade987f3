// Filling react-admin forms in the browser tests: inputs by their source, their helper text, selects.
import type { Page } from 'playwright-core';

/** react-admin names each input after its source (its id is generated). */
export const field = (page: Page, name: string) => page.locator(`input[name="${name}"]:not([aria-hidden="true"]), textarea[name="${name}"]`).first();

/** The helper text under an input: react-admin's validation message, or the API's. */
export async function errorOf(page: Page, name: string): Promise<string> {
  const describedBy = await field(page, name).getAttribute('aria-describedby');
  return describedBy ? ((await page.locator(`[id="${describedBy}"]`).textContent()) ?? '') : '';
}

/** A select: its hidden input carries the name, the combobox beside it opens the options. */
export async function choose(page: Page, name: string, option: string) {
  await page.locator(`input[name="${name}"]`).locator('xpath=..').getByRole('combobox').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
