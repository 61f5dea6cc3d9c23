import { STAGES, WORKFLOWS } from '@masar/cases';
import { LANGUAGES } from '@masar/letters';
import { STAGE_WORDS } from './stage.labels';

describe('the plain words of each stage', () => {
  it.each(LANGUAGES)('exist in %s for every state of every workflow', (language) => {
    for (const workflow of Object.values(WORKFLOWS)) {
      for (const state of workflow.states) {
        const words = STAGE_WORDS[language][state.stage];
        expect({ state: state.name, title: words?.title?.length > 0, next: words?.next?.length > 0 }).toEqual({ state: state.name, title: true, next: true });
      }
    }
  });

  it('cover the stages the cases context declares, and no others', () => {
    for (const language of LANGUAGES) expect(Object.keys(STAGE_WORDS[language]).sort()).toEqual([...STAGES].sort());
  });

  it('differ from one stage to the next, so that no stage is told with another one’s words', () => {
    for (const language of LANGUAGES) {
      const titles = Object.values(STAGE_WORDS[language]).map((w) => w.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});
