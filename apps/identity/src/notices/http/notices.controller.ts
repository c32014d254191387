import {
  Body,
  Controller,
  Headers,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
} from '@nestjs/common';
import { ClientsError } from '../../clients/domain/clients.errors.js';
import { ClientManagerAuthenticator } from '../../clients/http/client-manager.authenticator.js';
import { SendNotice } from '../application/send-notice/send-notice.js';
import { NoticeError, NoticeErrorCode, type NoticeSender } from '../domain/notice.js';

/** The HTTP status of each error of the module: the one place they are mapped. */
function statusOf(code: NoticeErrorCode): HttpStatus {
  switch (code) {
    case NoticeErrorCode.INVALID_REQUEST:
      return HttpStatus.BAD_REQUEST;
    case NoticeErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case NoticeErrorCode.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case NoticeErrorCode.MAIL_UNAVAILABLE:
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

/**
 * `POST /internal/notices` `{ noticeId, partyId, kind, params }` with a Bearer access token of
 * the operator's client (the notifications app): 200 `{ recipients }`, the people of the party
 * mailed the notice, now or by an earlier call with the same noticeId. Not routed by the
 * gateway: only services inside reach it.
 */
@Controller('internal/notices')
export class NoticesController {
  constructor(
    private readonly authenticator: ClientManagerAuthenticator,
    private readonly sendNotice: SendNotice,
  ) {}

  @Post()
  @HttpCode(200)
  async send(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<{ recipients: number }> {
    try {
      return await this.sendNotice.execute(await this.sender(authorization), body);
    } catch (error) {
      if (!(error instanceof NoticeError)) throw error;
      const status = statusOf(error.code);
      throw new HttpException(
        { statusCode: status, code: error.code, message: error.message },
        status,
      );
    }
  }

  /** The caller, verified as the management API verifies it (this issuer's access tokens). */
  private async sender(authorization: string | undefined): Promise<NoticeSender> {
    try {
      return await this.authenticator.caller(authorization);
    } catch (error) {
      if (error instanceof ClientsError) {
        throw new NoticeError(NoticeErrorCode.UNAUTHENTICATED, error.message);
      }
      throw error;
    }
  }
}
