import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 degree of parallelism. */
const ARGON2ID = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class Passwords implements OnModuleInit {
  /** Verified against when the user is unknown, so that an unknown e-mail costs what a wrong password costs. */
  private decoy = '';

  async onModuleInit(): Promise<void> {
    this.decoy = await hash('decoy password that matches nothing', ARGON2ID);
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!this.decoy) await this.onModuleInit();
    try {
      const ok = await verify(passwordHash ?? this.decoy, password);
      return passwordHash !== null && ok;
    } catch {
      return false;
    }
  }
}
