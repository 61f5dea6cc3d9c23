import { Inject, Injectable } from '@nestjs/common';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { BlindIndex, FieldCipher } from './field-cipher';

/** The keys of the cases context, built once from the validated configuration. */
@Injectable()
export class CasesCrypto {
  readonly cipher: FieldCipher;
  readonly blindIndex: BlindIndex;
  readonly accessCodeKey: Buffer;

  constructor(@Inject(MASAR_CONFIG) config: MasarConfig) {
    this.cipher = new FieldCipher(config.crypto.dataKeys, config.crypto.currentKeyId);
    this.blindIndex = new BlindIndex(config.crypto.blindIndexKey);
    this.accessCodeKey = config.crypto.accessCodeKey;
  }
}
