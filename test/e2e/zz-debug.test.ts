import { it } from 'vitest';
import { launchApp } from './harness/launch-app';
it('debug', async () => {
  const app = await launchApp('browser');
  const { page } = app;
  page.on('console', (m) => console.log('[console]', m.type(), m.text()));
  await page.getByRole('button', { name: 'Prepare a run' }).first().click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await page.getByRole('button', { name: 'Create the run and open the briefing' }).click();
  await new Promise((r) => setTimeout(r, 3000));
  await app.screenshot('debug');
  console.log(await page.locator('.notices').innerText());
  console.log(await page.locator('h1').allInnerTexts());
  await app.close();
}, 60000);
