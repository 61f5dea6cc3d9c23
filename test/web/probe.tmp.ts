import { launchChromium } from './browser';
import { signedIn } from './scenarios/ui';
async function main() {
  const base = process.argv[2];
  const { browser, close } = await launchChromium();
  const { page } = await signedIn(browser, base, 'caseworker.rabat@masar.example', 'fr');
  await page.getByRole('link', { name: 'Enregistrer une personne' }).first().click();
  await page.getByRole('heading', { name: 'Enregistrer une personne' }).waitFor();
  await page.getByLabel('Nom (lettres latines)').fill('Mohamed Diallo');
  console.log('1');
  await page.getByLabel('Nom (lettres arabes)').fill('محمد ديالو');
  console.log('2', page.url());
  await page.screenshot({ path: '/tmp/register.png', fullPage: true });
  await page.getByLabel('Année de naissance').fill('1990', { timeout: 5000 });
  console.log('3');
  await close();
}
main().catch((e) => { console.error(String(e).slice(0, 300)); process.exit(1); });
