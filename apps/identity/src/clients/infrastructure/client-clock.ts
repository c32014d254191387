import { Injectable } from '@nestjs/common';

/** The time the client rules use (a secret's grace period); one place to set it in tests. */
@Injectable()
export class ClientClock {
  now(): Date {
    return new Date();
  }
}
