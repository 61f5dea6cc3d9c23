import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesCrypto } from '../crypto/cases-crypto';
import { nameKeys } from '../domain/identity-keys/name-skeleton';

export interface PersonToMatch {
  latinName?: string | null;
  arabicName?: string | null;
  birthYear?: number | null;
  nationality?: string | null;
  documentNumbers?: string[];
}

export interface DuplicateCandidate {
  id: string;
  latinName: string | null;
  arabicName: string | null;
  birthYear: number | null;
  nationality: string | null;
  /** Why this person is shown: the same document number, the same name skeleton, similar letters, similar sound. */
  matchedOn: ('document_number' | 'name_key' | 'name_trigram' | 'name_phonetic')[];
  nameSimilarity: number;
  applicationCount: number;
}

/** Trigram similarity of name skeletons above which two persons of the same birth year and nationality are shown. */
export const NAME_SIMILARITY_THRESHOLD = 0.45;

/**
 * Likely matches before a person is registered: the same identity document number (through the blind index, across
 * nationalities), or, for the same year of birth and nationality, the same name skeleton in any script (Mohamed /
 * Muhammad / محمد), a trigram-similar skeleton, or the same Double Metaphone code of the Latin name. The filter on
 * (nationality, birth_year) comes first so that the similarity is computed on a handful of rows, not the country.
 */
@Injectable()
export class FindDuplicateCandidates {
  constructor(private readonly crypto: CasesCrypto) {}

  async find(manager: EntityManager, p: PersonToMatch, limit = 20): Promise<DuplicateCandidate[]> {
    const keys = nameKeys(p.latinName, p.arabicName);
    const skeleton = keys.join(' ');
    const indexes = (p.documentNumbers ?? []).filter((n) => n.trim()).map((n) => this.crypto.blindIndex.documentNumber(n));
    const latin = p.latinName?.trim() || null;
    const rows: {
      id: string;
      latin_name: string | null;
      arabic_name: string | null;
      birth_year: number | null;
      nationality: string | null;
      same_document: boolean;
      same_key: boolean;
      similarity: number;
      sounds_alike: boolean;
      applications: string;
    }[] = await manager.query(
      `with hits as (
         select applicant_id as id from applicant_identity_documents where number_index = any($1::text[])
         union
         select id from applicants
          where merged_into_id is null and $2::int is not null and birth_year = $2 and nationality = $3
            and (name_keys && $4::text[]
                 or ($5 <> '' and similarity(name_skeleton, $5) >= $7)
                 or ($6::text is not null and latin_name is not null and dmetaphone(latin_name) <> '' and dmetaphone(latin_name) = dmetaphone($6)))
       )
       select p.id, p.latin_name, p.arabic_name, p.birth_year, p.nationality,
              exists (select 1 from applicant_identity_documents d where d.applicant_id = p.id and d.number_index = any($1::text[])) as same_document,
              p.name_keys && $4::text[] as same_key,
              case when $5 = '' then 0 else similarity(p.name_skeleton, $5) end as similarity,
              coalesce($6::text is not null and p.latin_name is not null and dmetaphone(p.latin_name) <> '' and dmetaphone(p.latin_name) = dmetaphone($6), false) as sounds_alike,
              (select count(*) from applications a where a.applicant_id = p.id) as applications
         from applicants p join hits h on h.id = p.id
        where p.merged_into_id is null
        order by same_document desc, same_key desc, similarity desc, p.id
        limit $8`,
      [indexes, p.birthYear ?? null, p.nationality ?? null, keys, skeleton, latin, NAME_SIMILARITY_THRESHOLD, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      latinName: r.latin_name,
      arabicName: r.arabic_name,
      birthYear: r.birth_year,
      nationality: r.nationality,
      matchedOn: [
        ...(r.same_document ? (['document_number'] as const) : []),
        ...(r.same_key ? (['name_key'] as const) : []),
        ...(Number(r.similarity) >= NAME_SIMILARITY_THRESHOLD ? (['name_trigram'] as const) : []),
        ...(r.sounds_alike ? (['name_phonetic'] as const) : []),
      ],
      nameSimilarity: Math.round(Number(r.similarity) * 100) / 100,
      applicationCount: Number(r.applications),
    }));
  }
}
