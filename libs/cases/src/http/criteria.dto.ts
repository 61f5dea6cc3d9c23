import { ApiProperty } from '@nestjs/swagger';
import { REGULARISATION_CATEGORIES, type CriteriaParameters, type RegularisationCategory } from '../domain/eligibility/criteria';
import type { CriteriaVersionView } from '../criteria/criteria-versions.query';
import type { PublicationResult } from '../criteria/publish-criteria.use-case';
import type { ReviewWorklistItem } from '../criteria/review-worklist.query';

export class CriteriaParametersDto implements CriteriaParameters {
  @ApiProperty({ description: 'Years of marriage with a Moroccan national; 0 when any length will do' }) spouseOfMoroccanMinYears: number;
  @ApiProperty({ description: 'Years of marriage with a foreigner in regular stay; 0 when any length will do' }) spouseOfForeignerMinYears: number;
  @ApiProperty() contractMinYears: number;
  @ApiProperty() residenceMinYears: number;
  @ApiProperty({ example: '2013-12-31', description: 'A person with a serious illness must have been in the country before this day' }) illnessPresentBefore: string;
  @ApiProperty() adultAge: number;
}

export class CriteriaVersionDto implements CriteriaVersionView {
  @ApiProperty({ example: 'MA-2016-R' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2017-12-31', description: 'The day from which the version applies' }) effectiveFrom: string;
  @ApiProperty({ enum: REGULARISATION_CATEGORIES, isArray: true }) categories: RegularisationCategory[];
  @ApiProperty({ type: CriteriaParametersDto }) params: CriteriaParametersDto;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When it was published in Masar; null if never' }) publishedAt: string | null;
  @ApiProperty({ description: 'Files its publication put in the review worklist' }) reviewItems: number;
}

export class PublicationResultDto implements PublicationResult {
  @ApiProperty() publicationId: string;
  @ApiProperty() criteriaVersion: string;
  @ApiProperty({ description: 'Refused files re-assessed (0 when the version was already published)' }) reviewed: number;
  @ApiProperty({ description: 'Files in the review worklist of this publication' }) worklist: number;
}

export class ReviewWorklistItemDto implements ReviewWorklistItem {
  @ApiProperty() applicationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
  @ApiProperty() previousVersion: string;
  @ApiProperty() newVersion: string;
  @ApiProperty({ enum: REGULARISATION_CATEGORIES }) suggestedCategory: string;
}
