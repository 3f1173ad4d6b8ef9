import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import type { WireConversation, WireMessage, WireMessagePage } from './conversation.wire';
import { ConversationsService } from './conversations.service';
import {
  ListConversationsQuery,
  ListMessagesQuery,
  MarkConversationReadDto,
  SendMessageDto,
  StartConversationDto,
} from './dto/conversation.dto';

/**
 * Messages between two companies: only their own users read and write them. Organisers may not
 * read conversations; to anyone but the two firms' users a conversation does not exist (404).
 */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
@UseGuards(RateLimitGuard)
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  /** Your company's conversations, the latest message first, each with its unread count. */
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListConversationsQuery,
  ): Promise<WireConversation[]> {
    return this.conversations.list(user, query.companyId);
  }

  /** Writes to another verified company: starts the pair's one conversation, or continues it. */
  @Post()
  @RateLimited('messages')
  @HttpCode(HttpStatus.CREATED)
  start(
    @CurrentUser() user: AuthUser,
    @Body() body: StartConversationDto,
  ): Promise<{ conversation: WireConversation; message: WireMessage }> {
    return this.conversations.start(user, body);
  }

  /** History, newest first; `before` (a message id or an instant) pages back. */
  @Get(':id/messages')
  messages(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: ListMessagesQuery,
  ): Promise<WireMessagePage> {
    return this.conversations.messages(user, id, query);
  }

  @Post(':id/messages')
  @RateLimited('messages')
  @HttpCode(HttpStatus.CREATED)
  send(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: SendMessageDto,
  ): Promise<WireMessage> {
    return this.conversations.send(user, id, body);
  }

  /** Marks the conversation read for your company; the other firm sees it in `readUpTo`. */
  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  read(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: MarkConversationReadDto,
  ): Promise<WireConversation> {
    return this.conversations.markRead(user, id, body.companyId);
  }
}
