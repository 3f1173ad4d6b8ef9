import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { MEMBER_ROLES, type MemberRole } from '../../companies/company-member.entity';
import { ConfirmTokenDto } from '../../accounts/dto/account.dto';
import { lowerTrim } from '../../users/dto/create-user.dto';

const ROLE_MESSAGE = `role must be one of: ${MEMBER_ROLES.join(', ')}`;

/** `POST /api/companies/:id/invitations`: a colleague's address and the role they will have. */
export class InviteDto {
  @ApiProperty({ example: 'ben.ho@harbourpay.hk' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: MEMBER_ROLES, example: 'member' })
  @IsIn(MEMBER_ROLES, { message: ROLE_MESSAGE })
  role: MemberRole;
}

/** `PATCH /api/companies/:id/members/:userId`. */
export class ChangeRoleDto {
  @ApiProperty({ enum: MEMBER_ROLES, example: 'owner' })
  @IsIn(MEMBER_ROLES, { message: ROLE_MESSAGE })
  role: MemberRole;
}

/** `POST /api/invitations/accept`: the token of the invitation's link. */
export class AcceptInvitationDto extends ConfirmTokenDto {}
