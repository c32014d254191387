import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import {
  validateWork,
  type ValidWork,
  type WorkRegistrationInput,
} from '../domain/work-registration.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import { RegisterWorkHandler, type RegistrationOptions } from './register-work.handler.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

/** Largest batch one call registers. */
export const MAX_BATCH = 1000;

/**
 * Registers a batch of works in one transaction: all of them or none. Every invalid work is
 * reported with its position; a work that fails on registration (a duplicate, a refused holder)
 * fails the batch with its position too, and so does a likely duplicate (of a registered work or
 * of an earlier work of the batch) unless the batch or that work confirms duplicates.
 */
@Injectable()
export class RegisterWorksHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registerWork: RegisterWorkHandler,
    private readonly works: WorkQueries,
  ) {}

  async execute(
    caller: Caller,
    inputs: (WorkRegistrationInput & RegistrationOptions)[],
    correlationId: string,
    options: RegistrationOptions = {},
  ): Promise<WorkView[]> {
    if (inputs.length === 0 || inputs.length > MAX_BATCH) {
      throw new WorkError(WorkErrorCode.INVALID_WORK, `a batch holds 1 to ${MAX_BATCH} works`);
    }
    const problems: string[] = [];
    const valid: ValidWork[] = [];
    inputs.forEach((input, index) => {
      try {
        valid.push(validateWork(input));
      } catch (error) {
        if (!(error instanceof WorkError)) throw error;
        problems.push(...error.problems.map((problem) => `works[${index}]: ${problem}`));
      }
    });
    if (problems.length)
      throw new WorkError(WorkErrorCode.INVALID_WORK, problems.join('; '), problems);
    const ids = await this.dataSource.transaction(async (manager) => {
      const registered: string[] = [];
      for (const [index, work] of valid.entries()) {
        try {
          const confirmDuplicates = options.confirmDuplicates || inputs[index]!.confirmDuplicates;
          registered.push(
            await this.registerWork.register(manager, caller, work, correlationId, {
              confirmDuplicates,
            }),
          );
        } catch (error) {
          if (!(error instanceof WorkError)) throw error;
          throw new WorkError(error.code, `works[${index}]: ${error.message}`);
        }
      }
      return registered;
    });
    const views = await this.works.byIds(ids);
    return ids.map((id) => views.get(id)!);
  }
}
