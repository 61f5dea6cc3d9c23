import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OfficeKind = 'prefecture' | 'province' | 'national_commission';

/** A foreigners' office of a prefecture or province, or the national appeal commission. */
@Entity({ name: 'offices' })
export class Office {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  kind: OfficeKind;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
