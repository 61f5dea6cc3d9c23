export { WebAppModule, webDistDir, wantsHtml, SPA_ROUTES } from './web-app.module';
