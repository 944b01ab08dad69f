import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/access/actor.js';
import { CurrentActor, Roles } from '../common/access/route-decorators.js';
import { OWNER_AND_STAFF } from '../common/access/roles.js';
import { ApiPage, ApiProblems } from '../common/openapi.js';
import { UuidParam } from '../common/params.js';
import { SupplierIdentityResponse, SupplierQuery, SupplierResponse } from './dto.js';
import { SuppliersService } from './suppliers.service.js';

@ApiTags('suppliers')
@Controller()
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get('core-enterprises/:id/suppliers')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({
    operationId: 'listSuppliers',
    summary: "A core enterprise's suppliers, identifiers masked; q matches the code or the name",
  })
  @ApiPage(SupplierResponse)
  @ApiProblems(400, 401, 404)
  list(@CurrentActor() actor: Actor, @UuidParam() id: string, @Query() q: SupplierQuery) {
    return this.suppliers.list(actor, id, q);
  }

  @Get('suppliers/:id')
  @Roles(...OWNER_AND_STAFF)
  @ApiOperation({ operationId: 'getSupplier', summary: 'A supplier with every roster column; identifiers masked' })
  @ApiOkResponse({ type: SupplierResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<SupplierResponse> {
    return this.suppliers.get(actor, id);
  }

  @Get('suppliers/:id/identity')
  @Roles('OFFICER', 'SENIOR_OFFICER', 'ADMIN')
  @ApiOperation({
    operationId: 'getSupplierIdentity',
    summary: "A supplier's full identifiers (ID numbers, phone, bank account); every read is audited",
  })
  @ApiOkResponse({ type: SupplierIdentityResponse })
  @ApiProblems(400, 401, 403, 404)
  identity(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<SupplierIdentityResponse> {
    return this.suppliers.identity(actor, id);
  }
}
