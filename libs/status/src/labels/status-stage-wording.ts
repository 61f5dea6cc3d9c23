import { Injectable } from '@nestjs/common';
import { StageWording, type DiagramLanguage, type Stage } from '@masar/cases';
import { STAGE_WORDS } from './stage.labels';

/** The cases context's workflow diagram labels its states with the titles the status page shows for their stage. */
@Injectable()
export class StatusStageWording extends StageWording {
  titleOf(stage: Stage, language: DiagramLanguage): string {
    return STAGE_WORDS[language][stage].title;
  }
}
