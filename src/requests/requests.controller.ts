import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { AnswerRequestDto, CreateRequestDto, ListRequestsQuery } from './dto/request.dto';
import { RequestsService, type ReceivedRequestView, type RequestView } from './requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('sessions/:id/requests')
@UseGuards(RateLimitGuard)
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  /**
   * Ask another participant for a meeting, before the deadline, across sides, between eligible
   * firms, once; `mutual` is true when they asked you too.
   */
  @Post()
  @RateLimited('requests')
  @HttpCode(HttpStatus.CREATED)
  create(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CreateRequestDto,
  ) {
    return this.requests.create(user, id, body);
  }

  @Patch(':requestId')
  answer(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('requestId') requestId: string,
    @Body() body: AnswerRequestDto,
  ) {
    return this.requests.answer(user, id, requestId, body);
  }

  /** `{sent, received}` of one company; each received one with the sender's `fit` for it. */
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: ListRequestsQuery,
  ): Promise<{ sent: RequestView[]; received: ReceivedRequestView[] }> {
    return this.requests.list(user, id, query.companyId);
  }
}
