import { Module } from '@nestjs/common';

/** Events of the log made into webhook messages for platforms and societies, and mail notices. */
@Module({})
export class NoticesModule {}
